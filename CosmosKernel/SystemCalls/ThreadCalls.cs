using Cosmos.Api;
using CosmosKernel.Memory;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using CosmosKernel.Time;

namespace CosmosKernel.SystemCalls
{
    /// <summary>Thread create, start and sleep.</summary>
    internal static unsafe class ThreadCalls
    {
        /// <summary>ThreadCreate(task or 0, priority) -> thread id. The thread waits for ThreadStart.</summary>
        public static long Create(ulong taskId, ulong priority)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if (priority > byte.MaxValue)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            error = TaskLifecycle.CreateThread(task, (byte)priority, out ThreadControlBlock* thread);
            return error != SystemCallError.None ? (long)error : (long)thread->Id.Value;
        }

        /// <summary>ThreadStart(thread, rip, rsp, rdi) -> 0.</summary>
        public static long Start(ulong threadId, ulong instructionPointer, ulong stackPointer, ulong argument)
        {
            ThreadControlBlock* thread = ThreadTable.Find(new ThreadId(threadId));
            if (thread == null || thread->TaskSlot < 0)
            {
                return (long)SystemCallError.NoSuchThread;
            }
            TaskControlBlock* task = TaskTable.At(thread->TaskSlot);
            if (!SystemCallDispatcher.MayControl(SystemCallDispatcher.CurrentTask, task))
            {
                return (long)SystemCallError.PermissionDenied;
            }
            return (long)TaskLifecycle.StartThread(thread, instructionPointer, stackPointer, argument, KernelMemory.Layout.UserThreadFirstEntry);
        }

        /// <summary>
        /// ThreadsSuspend(records, capacity) -> count. Stops every thread of the caller's task but the caller
        /// (<see cref="Scheduler.Suspend"/>) and writes a <see cref="SuspendedThread"/> for each thread, the caller's own
        /// first. LimitReached, with nothing stopped, when the task has more than <paramref name="capacity"/> threads.
        /// </summary>
        public static long SuspendOthers(ulong records, ulong capacity)
        {
            ThreadControlBlock* current = Scheduler.Current;
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            if ((ulong)task->ThreadCount > capacity)
            {
                return (long)SystemCallError.LimitReached;
            }
            ulong recordSize = (ulong)sizeof(SuspendedThread);
            SystemCallError error = UserMemory.Check(in task->Space, records, (ulong)task->ThreadCount * recordSize, UserMemory.Access.Write);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            SuspendedThread record = default;
            record.ThreadId = current->Id.Value;
            record.Flags = SuspendedThread.SelfFlag;
            record.StackTop = current->UserStackTop;
            UserMemory.CopyTo(in task->Space, records, (byte*)&record, recordSize, UserMemory.Access.Write);
            ulong count = 1;
            for (int slot = task->FirstThread; slot >= 0; slot = ThreadTable.At(slot)->NextInTask)
            {
                ThreadControlBlock* thread = ThreadTable.At(slot);
                if (thread == current)
                {
                    continue;
                }
                Scheduler.Suspend(thread);
                record.ThreadId = thread->Id.Value;
                record.StackTop = thread->UserStackTop;
                record.Flags = UserRegisterState.Read(thread, &record.Registers);
                UserMemory.CopyTo(in task->Space, records + count * recordSize, (byte*)&record, recordSize, UserMemory.Access.Write);
                count++;
            }
            task->SuspendingThread = current->Id;
            return (long)count;
        }

        /// <summary>ThreadsResume() -> how many threads of the caller's task were suspended and now run again.</summary>
        public static long ResumeOthers() => TaskLifecycle.ResumeThreads(SystemCallDispatcher.CurrentTask);

        /// <summary>Sleep(ns) -> 0 once at least <paramref name="nanoseconds"/> of uptime passed (0 just yields).</summary>
        public static long Sleep(ulong nanoseconds)
        {
            if (nanoseconds == 0)
            {
                Scheduler.Yield();
                return 0;
            }
            Scheduler.Block(BlockReason.Sleeping, Clock.DeadlineAfter(nanoseconds));
            return 0;
        }
    }
}
