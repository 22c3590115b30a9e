using Cosmos.Api;
using Cosmos.Api.Loading;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Starting pagertest's other parts through the root task's loader service, each with a pager of pagertest's choosing,
    /// and waiting for them. The quota given is half of the caller's own, so a child can give its own children some too.
    /// </summary>
    internal static unsafe class Spawning
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
            TaskMemoryInformation own;
            ulong mappingLimit = 1UL << 20;
            ulong pageTableLimit = 1UL << 10;
            if (AddressSpace.QueryMemory(0, &own) == SystemCallError.None)
            {
                mappingLimit = Half(own.MappingLimit, own.MappingsUsed);
                pageTableLimit = Half(own.PageTableLimit, own.PageTablesUsed);
            }
            long result = (long)Loader.Spawn(runWord, pagerSlot, mappingLimit, pageTableLimit, taskCapabilitySlot, out taskId);
            if (result < 0)
            {
                return "spawning " + runWord + ": " + Output.Error(result);
            }
            return null;
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

        private static ulong Half(ulong limit, ulong used)
        {
            ulong left = limit > used ? limit - used : 0;
            return left / 2;
        }
    }
}
