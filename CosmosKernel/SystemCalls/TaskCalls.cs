using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>Task create, exit, kill and wait.</summary>
    internal static unsafe class TaskCalls
    {
        /// <summary>
        /// TaskCreate(name, name length, maximum priority, first thread's priority, pager thread or 0, flags) -> task id;
        /// second result: the first thread's id. Needs a Task capability with Control naming the caller itself. The creator
        /// gets a Task capability naming the new task (its authority over it); the task starts with copies of the creator's
        /// name-broker and debug-console slots, and with flag MayCreateTasks a Task capability naming itself in slot
        /// WellKnownSlots.OwnTask, so it may create tasks in turn. The pager is recorded for the first thread; page faults reach it
        /// from the issue "Address spaces" on (until then they end the task).
        /// </summary>
        public static long Create(ulong nameAddress, ulong nameLength, ulong maximumPriority, ulong threadPriority, ulong pagerThreadId, ulong flags, ulong* firstThreadId)
        {
            ThreadId pager = new ThreadId(pagerThreadId);
            if (pagerThreadId != 0 && ThreadTable.Find(pager) == null)
            {
                return (long)SystemCallError.NoSuchThread;
            }
            if (nameLength > TaskControlBlock.NameCapacity || maximumPriority > byte.MaxValue || threadPriority > byte.MaxValue || (flags & ~TaskCreateFlags.All) != 0)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            if (!caller->Capabilities.FindFreeSlot(out _))
            {
                return (long)SystemCallError.LimitReached; // no room for the Task capability the creator gets
            }
            byte* name = stackalloc byte[TaskControlBlock.NameCapacity];
            SystemCallError error = UserMemory.CopyFrom(in caller->Space, nameAddress, name, nameLength);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            if (!Ipc.CapabilitySpace.HoldsTaskCapability(caller, caller))
            {
                return (long)SystemCallError.PermissionDenied; // creating tasks is the right of a Task capability naming oneself
            }
            error = TaskLifecycle.CreateTask(caller, name, (int)nameLength, (byte)maximumPriority, (byte)threadPriority, out TaskControlBlock* task, out ThreadControlBlock* thread);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            thread->Pager = pager;
            Ipc.InitialCapabilities.GiveToNewTask(caller, task, (flags & TaskCreateFlags.MayCreateTasks) != 0);
            *firstThreadId = thread->Id.Value;
            return (long)task->Id.Value;
        }

        /// <summary>TaskExit(code): ends the caller's task. Does not return.</summary>
        public static void ExitCurrent(long code)
        {
            TaskLifecycle.EndTask(SystemCallDispatcher.CurrentTask, TaskEndReason.Exited, code);
        }

        /// <summary>TaskSetFaultHandler(entry or 0) -> the previous handler. Where the caller's threads continue after a ring-3 fault (Tasks/UserFaults.cs).</summary>
        public static long SetFaultHandler(ulong entry)
        {
            if (entry >= UserLayout.MappableEnd)
            {
                return (long)SystemCallError.BadAddress;
            }
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            ulong previous = task->FaultHandler;
            task->FaultHandler = entry;
            return (long)previous;
        }

        /// <summary>TaskKill(task) -> 0. The root task can only end itself.</summary>
        public static long Kill(ulong taskId)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if (task->Id == TaskTable.Root && task != SystemCallDispatcher.CurrentTask)
            {
                return (long)SystemCallError.PermissionDenied;
            }
            if (task->Life != TaskLife.Alive)
            {
                return (long)SystemCallError.WrongState;
            }
            TaskLifecycle.EndTask(task, TaskEndReason.Killed, -1);
            return 0;
        }

        /// <summary>TaskWait(task, timeout ns: 0 polls, all ones waits forever) -> exit code; second result: TaskEndReason.</summary>
        public static long Wait(ulong taskId, ulong timeoutNanoseconds, ulong* reason)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if (task == SystemCallDispatcher.CurrentTask)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            long result = TaskLifecycle.Wait(task, timeoutNanoseconds, out TaskEndReason endReason);
            *reason = (ulong)endReason;
            return result;
        }
    }
}
