using Cosmos.Api.Ipc;

namespace Cosmos.Api.Memory
{
    /// <summary>
    /// Typed wrappers of the address-space system calls 46-52 (docs/ARCHITECTURE.md, section 6). A task id of 0 means the
    /// caller's own task; acting on another task needs a Task capability with Control naming it. Calls that count return
    /// the count or a negative <see cref="SystemCallError"/>.
    /// </summary>
    public static unsafe class AddressSpace
    {
        /// <summary>
        /// MemoryMap: maps (or grants) the caller's pages in <paramref name="source"/> into <paramref name="taskId"/>'s
        /// address space at <paramref name="destination"/> (aligned to the flexpage's size), with the flexpage's rights
        /// cut down to the caller's. Unmapped source pages are skipped; a page already mapped at the destination is replaced.
        /// Returns the pages mapped.
        /// </summary>
        public static long Map(ulong taskId, Flexpage source, ulong destination, MemoryMapFlags flags = MemoryMapFlags.None)
            => SystemCall.Invoke(SystemCallNumber.MemoryMap, (long)taskId, (long)source.Word, (long)destination, (long)flags);

        /// <summary>MemoryUnmap: takes back, recursively, what was derived from the caller's pages in <paramref name="pages"/> (rights of the flexpage ignored).</summary>
        public static SystemCallError Unmap(Flexpage pages, MemoryUnmapFlags flags = MemoryUnmapFlags.None)
            => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.MemoryUnmap, (long)pages.Word, (long)flags));

        /// <summary>TaskSetPager: the task's page faults become calls to the port in the caller's <paramref name="portSlot"/> (Send; 0: no pager).</summary>
        public static SystemCallError SetPager(ulong taskId, uint portSlot)
            => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.TaskSetPager, (long)taskId, portSlot));

        /// <summary>TaskSetMemoryQuota: the most mapping-database nodes and page-table frames the task may hold (not above the caller's own limits).</summary>
        public static SystemCallError SetMemoryQuota(ulong taskId, ulong mappingLimit, ulong pageTableLimit)
            => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.TaskSetMemoryQuota, (long)taskId, (long)mappingLimit, (long)pageTableLimit));

        /// <summary>TaskMemoryInformation: the task's quota and what it uses.</summary>
        public static SystemCallError QueryMemory(ulong taskId, TaskMemoryInformation* information)
            => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.TaskMemoryInformation, (long)taskId, (long)information));

        /// <summary>PhysicalMemoryRanges (sigma0 only): the RAM it owns, up to <paramref name="capacity"/> ranges; returns how many there are.</summary>
        public static long PhysicalRanges(PhysicalMemoryRange* ranges, int capacity)
            => SystemCall.Invoke(SystemCallNumber.PhysicalMemoryRanges, (long)ranges, capacity);

        /// <summary>
        /// MemoryMappingInformation: how the caller's page at <paramref name="address"/> is mapped: its rights
        /// (<see cref="FlexpageRights"/>; 0 when not mapped) plus <see cref="HasDerivedMappings"/> when mappings derived from it exist,
        /// and the frame's physical address.
        /// </summary>
        public static long MappingOf(ulong address, out ulong physicalAddress)
        {
            ulong physical;
            long result = SystemCall.InvokeWithSecondResult(SystemCallNumber.MemoryMappingInformation, (long)address, 0, 0, 0, &physical);
            physicalAddress = physical;
            return result;
        }

        /// <summary>In MappingOf's result: some other address space holds a mapping derived from this one.</summary>
        public const long HasDerivedMappings = 1 << 8;
    }
}
