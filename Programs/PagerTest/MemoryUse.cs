using Cosmos.Api;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>A task's mapping quota and use (TaskMemoryInformation) as one line.</summary>
    internal static unsafe class MemoryUse
    {
        /// <summary>Prints "PREFIX: mappings U of L, page tables U of L" for <paramref name="taskId"/> (0: this task).</summary>
        public static void Print(ulong taskId, string prefix)
        {
            TaskMemoryInformation information;
            SystemCallError error = AddressSpace.QueryMemory(taskId, &information);
            if (error != SystemCallError.None)
            {
                Output.Line(prefix + ": task memory information: " + Output.Error((long)error));
                return;
            }
            Output.Line(prefix + ": mappings " + information.MappingsUsed.ToString() + " of " + Limit(information.MappingLimit)
                + ", page tables " + information.PageTablesUsed.ToString() + " of " + Limit(information.PageTableLimit));
        }

        private static string Limit(ulong limit) => limit == ulong.MaxValue ? "unlimited" : limit.ToString();
    }
}
