using Cosmos.Api;
using Cosmos.Api.Loading;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Starting pagertest's other parts through the root task's loader service, each with a pager of pagertest's choosing
    /// and the kernel's default memory quota, and waiting for them.
    /// </summary>
    internal static class Spawning
    {
        /// <summary>How long a scenario waits for a part it started.</summary>
        public const ulong WaitBound = 120_000_000_000UL;

        /// <summary>
        /// Starts boot module program <paramref name="runWord"/> ("pagertest:MODE…") with the send right in
        /// <paramref name="pagerSlot"/> as its pager (0: the root task's region pager); its Task capability goes to
        /// <paramref name="taskCapabilitySlot"/>. Returns a description of the failure, or null.
        /// </summary>
        public static string Spawn(string runWord, uint pagerSlot, uint taskCapabilitySlot, out ulong taskId)
        {
            LoaderStatus status = Loader.Spawn(runWord, pagerSlot, 0, 0, taskCapabilitySlot, out taskId);
            return status == LoaderStatus.Ok ? null : "spawning " + runWord + ": " + Loader.Describe(status);
        }

        /// <summary>Waits for a task started by <see cref="Spawn"/>; null if it exited with 0, else how it ended.</summary>
        public static string Wait(string what, ulong taskId)
        {
            long code = Kernel.WaitTask(taskId, WaitBound, out TaskEndReason reason);
            if (reason == TaskEndReason.Exited && code == 0)
            {
                return null;
            }
            return what + " ended with code " + code.ToString() + " (" + ReasonName(reason) + ")";
        }

        public static string ReasonName(TaskEndReason reason)
        {
            switch (reason)
            {
                case TaskEndReason.Exited: return "exited";
                case TaskEndReason.Faulted: return "fault";
                case TaskEndReason.Killed: return "killed";
                default: return "not ended";
            }
        }
    }
}
