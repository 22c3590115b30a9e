using Cosmos.Api;
using CosmosKernel.Memory;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// Copies into a task the caller controls (its pages mapped by a pager or loaded by the kernel) and the count of the
    /// kernel's free frames. Memory itself comes from pagers (section 6); the bring-up calls MemoryAllocate (12) and
    /// MemoryFree (19) are gone and answer UnknownCall.
    /// </summary>
    internal static unsafe class MemoryCalls
    {
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
