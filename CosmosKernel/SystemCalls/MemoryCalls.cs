using Cosmos.Api;
using CosmosKernel.Memory;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// Bring-up memory calls, until pagers own memory policy (issue "Address spaces"): new zeroed memory in a
    /// task the caller controls, and copies into it (how the root task loads programs).
    /// </summary>
    internal static unsafe class MemoryCalls
    {
        public const ulong WritableFlag = 1;
        public const ulong ExecutableFlag = 2;

        /// <summary>MemoryAllocate(task or 0, address, length, flags) -> 0. Page-aligned; writable and executable together are refused (W^X).</summary>
        public static long Allocate(ulong taskId, ulong address, ulong length, ulong flags)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            if ((flags & ~(WritableFlag | ExecutableFlag)) != 0 || flags == (WritableFlag | ExecutableFlag))
            {
                return (long)SystemCallError.InvalidArgument;
            }
            if (task->Life != TaskLife.Alive)
            {
                return (long)SystemCallError.WrongState;
            }
            PageFlags pageFlags = PageFlags.None;
            if ((flags & WritableFlag) != 0)
            {
                pageFlags |= PageFlags.Writable;
            }
            if ((flags & ExecutableFlag) == 0)
            {
                pageFlags |= PageFlags.NoExecute;
            }
            return (long)TaskLifecycle.MapNewMemory(task, address, length, pageFlags);
        }

        /// <summary>MemoryFree(task or 0, address, length) -> 0. Unmaps the page-aligned range; the task's own frames there are freed.</summary>
        public static long Free(ulong taskId, ulong address, ulong length)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            return (long)TaskLifecycle.UnmapMemory(task, address, length);
        }

        /// <summary>MemoryWrite(task or 0, destination, source, length) -> 0. The destination must be memory the task owns (read-only code included).</summary>
        public static long Write(ulong taskId, ulong destination, ulong source, ulong length)
        {
            TaskControlBlock* task = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (task == null)
            {
                return (long)error;
            }
            TaskControlBlock* caller = SystemCallDispatcher.CurrentTask;
            return (long)UserMemory.CopyBetween(in caller->Space, source, in task->Space, destination, length, UserMemory.Access.WriteOwned);
        }

        /// <summary>MemoryInformation() -> free frames; second result: frames managed.</summary>
        public static long Information(ulong* managedFrames)
        {
            *managedFrames = KernelMemory.Frames.ManagedFrames;
            return (long)KernelMemory.Frames.FreeFrames;
        }
    }
}
