using CosmosKernel.Boot;
using CosmosKernel.Platform;

namespace CosmosKernel.Memory
{
    /// <summary>
    /// Builds the kernel's own page table and switches to it: the kernel image at its higher-half address with
    /// per-section permissions (code read-only and executable, read-only data read-only and no-execute, data
    /// and bss writable and no-execute, the boot stack's guard page left out), and a direct map of physical
    /// memory at KernelMemory.DirectMapBase in 2 MiB pages (see MapPhysicalMemory for its extent). Nothing is mapped in the lower half, so a null
    /// pointer (or any stray low address) faults.
    /// </summary>
    internal static unsafe class KernelAddressSpace
    {
        private const uint ExtendedFeatureEnableMsr = 0xC0000080;
        private const ulong NoExecuteEnableBit = 1UL << 11;
        private const ulong PageGlobalEnableBit = 1UL << 7;
        private const ulong FourGibibytes = 4UL * 1024 * 1024 * 1024;

        /// <summary>
        /// Builds the table (frames from KernelMemory.Frames), loads CR3 with it and enables global pages.
        /// Precondition: the frame allocator is initialised and the early window is in use.
        /// Returns None, or the first mapping error (then CR3 is unchanged).
        /// </summary>
        public static PageTableError BuildAndActivate(in MultibootInformation information, out ulong directMapEnd)
        {
            directMapEnd = 0;
            ref FrameAllocator frames = ref KernelMemory.Frames;
            bool noExecute = (Native.ReadMsr(ExtendedFeatureEnableMsr) & NoExecuteEnableBit) != 0;
            PageTableError error = PageTable.Create(ref frames, KernelMemory.Window, noExecute, out PageTable table);
            if (error != PageTableError.None)
            {
                return error;
            }

            KernelLayout layout = KernelMemory.Layout;
            error = MapImageRange(ref table, ref frames, layout.TextStart, layout.TextEnd, PageFlags.Global, 0, 0);
            if (error == PageTableError.None)
            {
                error = MapImageRange(ref table, ref frames, layout.ReadOnlyDataStart, layout.ReadOnlyDataEnd, PageFlags.NoExecute | PageFlags.Global, 0, 0);
            }
            if (error == PageTableError.None)
            {
                error = MapImageRange(ref table, ref frames, layout.DataStart, layout.VirtualEnd, PageFlags.Writable | PageFlags.NoExecute | PageFlags.Global, layout.BootStackGuard, layout.BootStackBottom);
            }
            if (error == PageTableError.None)
            {
                error = MapPhysicalMemory(ref table, ref frames, in information.MemoryMap, out directMapEnd);
            }
            if (error != PageTableError.None)
            {
                return error;
            }

            Native.WriteCr3(table.Root.Value);
            Native.WriteCr4(Native.ReadCr4() | PageGlobalEnableBit);
            KernelMemory.ActivateKernelSpace(in table, directMapEnd);
            return PageTableError.None;
        }

        // Maps the image pages [start, end) (end rounded up) to their load addresses, except [skipStart, skipEnd).
        private static PageTableError MapImageRange(ref PageTable table, ref FrameAllocator frames, ulong start, ulong end, PageFlags flags, ulong skipStart, ulong skipEnd)
        {
            VirtualAddress page = new VirtualAddress(start).AlignDown(PageTable.SmallPageSize);
            VirtualAddress limit = new VirtualAddress(end).AlignUp(PageTable.SmallPageSize);
            for (; page < limit; page = page.Add(PageTable.SmallPageSize))
            {
                if (page.Value >= skipStart && page.Value < skipEnd)
                {
                    continue;
                }
                PhysicalAddress frame = new PhysicalAddress(page.Value - KernelLayout.KernelVirtualBase);
                PageTableError error = table.Map(page, frame, flags, ref frames);
                if (error != PageTableError.None)
                {
                    return error;
                }
            }
            return PageTableError.None;
        }

        // The direct map: physical [0, end) in 2 MiB pages, where end covers every RAM region (usable or ACPI)
        // and every other region below 4 GiB (ACPI tables, BIOS data and firmware ROM live there); reserved
        // regions above 4 GiB are device windows, not memory, and stay unmapped. Mapping the holes in between
        // too keeps the window contiguous: any physical address below the end is reachable. Returns the end.
        private static PageTableError MapPhysicalMemory(ref PageTable table, ref FrameAllocator frames, in MemoryMap map, out ulong mappedEnd)
        {
            ulong end = 0;
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRegion region = map[i];
                bool isMemory = region.Kind == MemoryRegionKind.Usable || region.Kind == MemoryRegionKind.AcpiReclaimable || region.Kind == MemoryRegionKind.AcpiNonVolatile;
                if (region.Length != 0 && (isMemory || region.End.Value <= FourGibibytes) && region.End.Value > end)
                {
                    end = region.End.Value;
                }
            }
            mappedEnd = new PhysicalAddress(end).AlignUp(PageTable.LargePageSize).Value;
            for (ulong frame = 0; frame < mappedEnd; frame += PageTable.LargePageSize)
            {
                VirtualAddress page = new VirtualAddress(KernelMemory.DirectMapBase + frame);
                PageTableError error = table.MapLarge(page, new PhysicalAddress(frame), PageFlags.Writable | PageFlags.NoExecute | PageFlags.Global, ref frames);
                if (error != PageTableError.None)
                {
                    return error;
                }
            }
            return PageTableError.None;
        }
    }
}
