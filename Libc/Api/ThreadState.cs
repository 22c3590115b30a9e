namespace Cosmos.Api
{
    /// <summary>A thread's scheduling state, as the kernel reports it.</summary>
    public enum ThreadState : byte
    {
        /// <summary>Slot not in use.</summary>
        Free = 0,
        /// <summary>On the CPU.</summary>
        Running = 1,
        /// <summary>In the run queue, waiting for the CPU.</summary>
        Ready = 2,
        /// <summary>Waiting; <see cref="BlockReason"/> says for what.</summary>
        Blocked = 3,
        /// <summary>Ended; its kernel stack is freed at the next switch.</summary>
        Dead = 4,
    }

    /// <summary>Why a thread is blocked.</summary>
    public enum BlockReason : byte
    {
        None = 0,
        /// <summary>Created but not started (thread start system call).</summary>
        NotStarted = 1,
        /// <summary>In a sleep system call until its deadline.</summary>
        Sleeping = 2,
        /// <summary>Waiting for a task to end.</summary>
        WaitingForTask = 3,
        /// <summary>Stopped by another thread of its task (ThreadsSuspend, e.g. for a garbage collection) and ready to run once resumed.</summary>
        Suspended = 4,
        /// <summary>Queued on a port to send (IpcSend, or the send phase of IpcCall) until a receiver takes the message.</summary>
        IpcSend = 5,
        /// <summary>Waiting on a port for a message (IpcReceive, IpcReplyWait).</summary>
        IpcReceive = 6,
        /// <summary>Waiting for the reply to its IpcCall.</summary>
        IpcReply = 7,
        /// <summary>Waiting on a notification for signal bits.</summary>
        NotificationWait = 8,
    }

    /// <summary>How a task ended.</summary>
    public enum TaskEndReason : long
    {
        /// <summary>Still running.</summary>
        None = 0,
        /// <summary>Task exit, or its last thread exited: the exit code is the program's.</summary>
        Exited = 1,
        /// <summary>A CPU exception in ring 3 ended it (exit code: -(vector + 1)).</summary>
        Faulted = 2,
        /// <summary>Another task killed it (exit code -1).</summary>
        Killed = 3,
    }
}
