namespace Cosmos.Api.Memory
{
    /// <summary>
    /// A task's kernel memory quota and use (TaskMemoryInformation, system call 50): the mapping-database nodes (one per
    /// mapped page) and the page-table frames the kernel holds for its address space. A limit of ulong.MaxValue is
    /// unlimited (sigma0 and the root task).
    /// </summary>
    public struct TaskMemoryInformation
    {
        public ulong MappingsUsed;
        public ulong MappingLimit;
        public ulong PageTablesUsed;
        public ulong PageTableLimit;
    }

    /// <summary>A range of physical memory: base and length in bytes, both page-aligned (PhysicalMemoryRanges, system call 51).</summary>
    public struct PhysicalMemoryRange
    {
        public ulong Base;
        public ulong Length;
    }
}
