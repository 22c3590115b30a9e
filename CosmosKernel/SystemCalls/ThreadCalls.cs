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
            if (!TaskTable.MayControl(SystemCallDispatcher.CurrentTask, task))
            {
                return (long)SystemCallError.PermissionDenied;
            }
            return (long)TaskLifecycle.StartThread(thread, instructionPointer, stackPointer, argument, KernelMemory.Layout.UserThreadFirstEntry);
        }

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
