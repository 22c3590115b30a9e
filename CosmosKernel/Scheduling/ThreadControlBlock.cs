using Cosmos.Api;
using CosmosKernel.Capabilities;
using CosmosKernel.Memory;
using CosmosKernel.Tasks;

namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// A thread's kernel state. It lives at the top of the thread's kernel stack block (ThreadStack.cs): one
    /// allocation holds both, as in L3/L4's strict process orientation; a canary word at the block's bottom
    /// detects a stack that ran out.
    /// </summary>
    internal unsafe struct ThreadControlBlock
    {
        public const ulong CanaryValue = 0x4B43415453524854; // "THRSTACK"

        /// <summary>Run-queue links; first, so RunQueue's link pointer is the thread's pointer.</summary>
        public RunQueueLinks RunLinks;
        public ThreadId Id;
        public TaskId Task;
        public int TaskSlot;
        public ThreadState State;
        public BlockReason BlockReason;
        public byte Priority;
        public int TimeSliceTicks;

        /// <summary>The kernel rsp saved by native_switch_stacks while the thread is off the CPU.</summary>
        public ulong SavedStackPointer;
        public ulong KernelStackTop;
        public PhysicalAddress StackBlock;

        /// <summary>The physical PML4 of the thread's task (what CR3 holds while it runs); 0 for the idle thread.</summary>
        public ulong AddressSpaceRoot;

        public ulong UtcbAddress;
        public PhysicalAddress UtcbFrame;

        public ulong CpuCycles;

        /// <summary>Uptime (ns) at which a sleeping or timed-waiting thread is woken.</summary>
        public ulong WakeDeadline;

        /// <summary>The task a thread blocked in task wait waits for.</summary>
        public TaskId WaitTarget;

        /// <summary>Results handed to a blocked thread by whoever woke it (returned from its system call).</summary>
        public long WakeResult;
        public ulong WakeSecondResult;

        /// <summary>The thread that will receive this thread's page faults as messages (issue "Address spaces"); None: faults end the task.</summary>
        public ThreadId Pager;

        /// <summary>How the thread last entered the kernel from ring 3, which says where its user registers are saved.</summary>
        public UserEntry LastUserEntry;

        /// <summary>Stopped by ThreadsSuspend: it is not queued to run, even when woken, until ThreadsResume.</summary>
        public bool Suspended;

        /// <summary>The thread became ready while suspended (a blocked thread woken, or a ready one taken off the run queue).</summary>
        public bool ReadyWhenResumed;

        /// <summary>The user stack pointer the thread was started with (ThreadStart): its stack lies below.</summary>
        public ulong UserStackTop;

        /// <summary>Links of the task's thread list (thread-table slots; -1 ends).</summary>
        public int NextInTask;
        public int PreviousInTask;

        // IPC (Ipc/*.cs). Queue links and thread references are thread-table slots + 1, so a zeroed block links nothing.

        /// <summary>Links in the wait queue of the port or notification the thread is blocked on (BlockReason IpcSend, IpcReceive, NotificationWait).</summary>
        public int IpcNext;
        public int IpcPrevious;

        /// <summary>The pool index of the port or notification whose queue holds the thread.</summary>
        public uint IpcWaitObject;

        /// <summary>A queued sender's tag and the badge of the capability it sends through.</summary>
        public ulong IpcTag;
        public ulong IpcBadge;

        /// <summary>A queued sender is in IpcCall: once its message is taken it waits for the reply.</summary>
        public bool IpcCalling;

        /// <summary>The generation of this thread's reply object: a reply capability for its current call names it; advanced when the call ends.</summary>
        public uint CallSequence;

        /// <summary>The thread waiting for this thread's reply (the implicit reply right of the last call received), with its call's sequence; None: no caller.</summary>
        public ThreadId Caller;
        public uint CallerSequence;

        /// <summary>Where the thread's ring-3 faults go as FaultMessage calls (a copy of a port send capability; empty: none).</summary>
        public Capability ExceptionPort;

        /// <summary>Waiting inside a page fault for its pager's reply: the reply's map items go into the whole user half, its words nowhere.</summary>
        public bool AwaitingPageFault;

        /// <summary>The page fault last sent to the pager (address and instruction) and how often in a row it came back unchanged.</summary>
        public ulong LastFaultAddress;
        public ulong LastFaultInstruction;
        public int RepeatedFaults;

        /// <summary>Message registers 0-3, kept while a page-fault message occupies them.</summary>
        public fixed ulong SavedMessageRegisters[4];

        /// <summary>The lowest word of the stack block, holding <see cref="CanaryValue"/> (null for the idle thread, which runs on the boot stack).</summary>
        public ulong* StackBottom;

        /// <summary>Blocked in IpcReply: its call's message was taken and it waits for the answer.</summary>
        public readonly bool IsWaitingForReply => State == ThreadState.Blocked && BlockReason == BlockReason.IpcReply;

        public readonly bool IsCanaryIntact => StackBottom == null || *StackBottom == CanaryValue;
    }
}
