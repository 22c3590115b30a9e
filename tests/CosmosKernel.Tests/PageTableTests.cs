using System;
using System.Collections.Generic;
using CosmosKernel.Memory;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class PageTableTests : IDisposable
    {
        private const ulong MiB = 1024 * 1024;
        private const ulong Small = PageTable.SmallPageSize;
        private const ulong Large = PageTable.LargePageSize;
        private const ulong MemorySize = 8 * MiB;
        private const ulong DirectMapBase = 0xFFFF800000000000;

        private readonly SimulatedPhysicalMemory _memory = new SimulatedPhysicalMemory(MemorySize);
        private FrameAllocator _frames;

        public PageTableTests()
        {
            MemoryMap map = default;
            map.Add(new MemoryRegion(new PhysicalAddress(0), MemorySize, MemoryRegionKind.Usable));
            PhysicalRange* reserved = stackalloc PhysicalRange[1];
            reserved[0] = new PhysicalRange(new PhysicalAddress(0), new PhysicalAddress(1 * MiB)); // stands for the frames being mapped
            Assert.Equal(FrameAllocatorError.None, _frames.Initialize(in map, reserved, 1, _memory.Window));
        }

        public void Dispose() => _memory.Dispose();

        private PageTable CreateTable(bool noExecuteSupported = true)
        {
            Assert.Equal(PageTableError.None, PageTable.Create(ref _frames, _memory.Window, noExecuteSupported, out PageTable table));
            return table;
        }

        private static VirtualAddress Virtual(ulong value) => new VirtualAddress(value);

        private static PhysicalAddress Physical(ulong value) => new PhysicalAddress(value);

        [Fact]
        public void CreateAllocatesAZeroedRootTable()
        {
            // Dirty the frame the root will get, to see that Create clears it.
            FrameResult probe = _frames.AllocateFrame();
            *(ulong*)_memory.PointerTo(probe.Address.Value) = ulong.MaxValue;
            Assert.Equal(FrameAllocatorError.None, _frames.FreeFrame(probe.Address));

            PageTable table = CreateTable();

            Assert.Equal(probe.Address.Value, table.Root.Value);
            for (ulong i = 0; i < 512; i++)
            {
                Assert.Equal(0UL, _memory.ReadUInt64(table.Root.Value + i * 8));
            }
        }

        [Fact]
        public void MappedPageTranslatesWithOffsetAndFlags()
        {
            PageTable table = CreateTable();

            PageTableError error = table.Map(Virtual(0xFFFFFFFF80123000), Physical(0x123000), PageFlags.Writable | PageFlags.NoExecute, ref _frames);
            PageTranslation translation = table.Translate(Virtual(0xFFFFFFFF80123456));

            Assert.Equal(PageTableError.None, error);
            Assert.True(translation.IsMapped);
            Assert.Equal(0x123456UL, translation.Physical.Value);
            Assert.Equal(Small, translation.PageSize);
            Assert.Equal(PageFlags.Writable | PageFlags.NoExecute, translation.Flags);
        }

        [Fact]
        public void UnmappedAddressesDoNotTranslate()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);

            Assert.False(table.Translate(Virtual(0)).IsMapped);
            Assert.False(table.Translate(Virtual(0x401000)).IsMapped);
            Assert.False(table.Translate(Virtual(0x3FF000)).IsMapped);
            Assert.False(table.Translate(Virtual(0x0000800000000000)).IsMapped); // not canonical
        }

        [Fact]
        public void FirstMappingAllocatesThreeTablesAndANeighbourNone()
        {
            PageTable table = CreateTable();
            ulong before = _frames.FreeFrames;

            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.Writable, ref _frames);
            ulong afterFirst = _frames.FreeFrames;
            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.Writable, ref _frames);

            Assert.Equal(3UL, before - afterFirst);           // PDPT, page directory, page table
            Assert.Equal(afterFirst, _frames.FreeFrames);
        }

        [Fact]
        public void MappingTwiceIsRefusedAndKeepsTheFirstMapping()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);

            PageTableError error = table.Map(Virtual(0x400000), Physical(0x300000), PageFlags.Writable, ref _frames);

            Assert.Equal(PageTableError.AlreadyMapped, error);
            Assert.Equal(0x200000UL, table.Translate(Virtual(0x400000)).Physical.Value);
        }

        [Fact]
        public void MisalignedOrNonCanonicalAddressesAreRefused()
        {
            PageTable table = CreateTable();

            Assert.Equal(PageTableError.NotAligned, table.Map(Virtual(0x400010), Physical(0x200000), PageFlags.None, ref _frames));
            Assert.Equal(PageTableError.NotAligned, table.Map(Virtual(0x400000), Physical(0x200010), PageFlags.None, ref _frames));
            Assert.Equal(PageTableError.NotAligned, table.MapLarge(Virtual(0x401000), Physical(0x200000), PageFlags.None, ref _frames));
            Assert.Equal(PageTableError.NotCanonical, table.Map(Virtual(0x0000900000000000), Physical(0x200000), PageFlags.None, ref _frames));
        }

        [Fact]
        public void LargePageTranslatesAcrossItsTwoMebibytes()
        {
            PageTable table = CreateTable();

            Assert.Equal(PageTableError.None, table.MapLarge(Virtual(DirectMapBase + 2 * Large), Physical(2 * Large), PageFlags.Writable | PageFlags.Global, ref _frames));
            PageTranslation translation = table.Translate(Virtual(DirectMapBase + 2 * Large + 0x1ABCDE));

            Assert.True(translation.IsMapped);
            Assert.Equal(2 * Large + 0x1ABCDE, translation.Physical.Value);
            Assert.Equal(Large, translation.PageSize);
            Assert.Equal(PageFlags.Writable | PageFlags.Global, translation.Flags);
        }

        [Fact]
        public void SmallPageInsideALargePageIsRefused()
        {
            PageTable table = CreateTable();
            table.MapLarge(Virtual(0x40000000), Physical(0x200000), PageFlags.None, ref _frames);

            Assert.Equal(PageTableError.LargePageInTheWay, table.Map(Virtual(0x40001000), Physical(0x300000), PageFlags.None, ref _frames));
        }

        [Fact]
        public void LargePageOverAPageTableIsRefused()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x40001000), Physical(0x300000), PageFlags.None, ref _frames);

            Assert.Equal(PageTableError.AlreadyMapped, table.MapLarge(Virtual(0x40000000), Physical(0x200000), PageFlags.None, ref _frames));
            Assert.True(table.Translate(Virtual(0x40001000)).IsMapped);
        }

        [Fact]
        public void UnmapRemovesOnlyThatPage()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.Writable, ref _frames);
            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.None, ref _frames);
            table.Map(Virtual(0xFFFFFFFF80000000), Physical(0x202000), PageFlags.None, ref _frames);
            ulong free = _frames.FreeFrames;

            PageTableError error = table.Unmap(Virtual(0x400000), out PhysicalAddress frame);

            Assert.Equal(PageTableError.None, error);
            Assert.Equal(0x200000UL, frame.Value);
            Assert.False(table.Translate(Virtual(0x400000)).IsMapped);
            Assert.Equal(0x201000UL, table.Translate(Virtual(0x401000)).Physical.Value);
            Assert.Equal(0x202000UL, table.Translate(Virtual(0xFFFFFFFF80000000)).Physical.Value);
            Assert.Equal(free, _frames.FreeFrames); // tables stay; the mapped frame is the caller's
        }

        [Fact]
        public void UnmapOfALargePageReturnsItsFrame()
        {
            PageTable table = CreateTable();
            table.MapLarge(Virtual(DirectMapBase), Physical(0), PageFlags.Writable, ref _frames);
            table.MapLarge(Virtual(DirectMapBase + Large), Physical(Large), PageFlags.Writable, ref _frames);

            Assert.Equal(PageTableError.NotAligned, table.Unmap(Virtual(DirectMapBase + 0x1000), out _));
            Assert.Equal(PageTableError.None, table.Unmap(Virtual(DirectMapBase), out PhysicalAddress frame));

            Assert.Equal(0UL, frame.Value);
            Assert.False(table.Translate(Virtual(DirectMapBase + 0x1000)).IsMapped);
            Assert.True(table.Translate(Virtual(DirectMapBase + Large)).IsMapped);
        }

        [Fact]
        public void UnmapOfAnUnmappedPageIsReported()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);

            Assert.Equal(PageTableError.NotMapped, table.Unmap(Virtual(0x402000), out _));
            Assert.Equal(PageTableError.NotMapped, table.Unmap(Virtual(0x7F0000000000), out _));
            Assert.Equal(PageTableError.NotCanonical, table.Unmap(Virtual(0x0000800000000000), out _));
        }

        [Fact]
        public void PageCanBeMappedAgainAfterUnmap()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);
            table.Unmap(Virtual(0x400000), out _);

            Assert.Equal(PageTableError.None, table.Map(Virtual(0x400000), Physical(0x300000), PageFlags.User, ref _frames));
            Assert.Equal(0x300000UL, table.Translate(Virtual(0x400000)).Physical.Value);
        }

        [Fact]
        public void NoExecuteIsDroppedWhenTheCpuLacksIt()
        {
            PageTable table = CreateTable(noExecuteSupported: false);

            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.NoExecute | PageFlags.Writable, ref _frames);

            Assert.Equal(PageFlags.Writable, table.Translate(Virtual(0x400000)).Flags);
        }

        [Fact]
        public void LeafEntryCarriesTheHardwareBits()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.Writable | PageFlags.User | PageFlags.NoExecute, ref _frames);

            ulong entry = ReadLeafEntry(table, Virtual(0x400000));

            Assert.Equal(0x200000UL, entry & 0x000FFFFFFFFFF000UL);
            Assert.Equal(0b111UL, entry & 0b111);            // present, writable, user
            Assert.Equal(1UL << 63, entry & (1UL << 63));     // no-execute
        }

        [Fact]
        public void UserPagesMakeTheirTablesUserAccessibleButNotTheirNeighbours()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);
            Assert.Equal(PageFlags.None, table.Translate(Virtual(0x400000)).Flags & PageFlags.User);

            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.User | PageFlags.Writable, ref _frames);

            Assert.Equal(PageFlags.User | PageFlags.Writable, table.Translate(Virtual(0x401000)).Flags);
            Assert.Equal(PageFlags.None, table.Translate(Virtual(0x400000)).Flags & PageFlags.User);
        }

        [Fact]
        public void ExhaustedFrameAllocatorGivesOutOfMemoryAndNoMapping()
        {
            PageTable table = CreateTable();
            while (_frames.AllocateFrame().Succeeded)
            {
            }

            PageTableError error = table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);

            Assert.Equal(PageTableError.OutOfMemory, error);
            Assert.False(table.Translate(Virtual(0x400000)).IsMapped);
        }

        [Fact]
        public void TablesOutsideTheWindowAreRefused()
        {
            // A window that does not reach the frames the allocator hands out.
            PhysicalMemoryWindow narrow = _memory.Window.WithLimit(1 * MiB);

            PageTableError error = PageTable.Create(ref _frames, narrow, true, out _);

            Assert.Equal(PageTableError.TableOutsideWindow, error);
        }

        [Fact]
        public void SharedTopLevelEntrySeesTheSameMappings()
        {
            PageTable kernel = CreateTable();
            kernel.Map(Virtual(0xFFFFFFFF80000000), Physical(0x200000), PageFlags.None, ref _frames);
            PageTable process = CreateTable();

            process.ShareTopLevelEntry(in kernel, Virtual(0xFFFFFFFF80000000));
            kernel.Map(Virtual(0xFFFFFFFF80001000), Physical(0x201000), PageFlags.None, ref _frames);

            Assert.Equal(0x200000UL, process.Translate(Virtual(0xFFFFFFFF80000000)).Physical.Value);
            Assert.Equal(0x201000UL, process.Translate(Virtual(0xFFFFFFFF80001000)).Physical.Value);
        }

        [Fact]
        public void ManyMappingsAllTranslate()
        {
            PageTable table = CreateTable();
            for (ulong i = 0; i < 600; i++) // crosses a page-table boundary (512 entries)
            {
                Assert.Equal(PageTableError.None, table.Map(Virtual(0x10000000 + i * Small), Physical(0x100000 + i * Small), PageFlags.None, ref _frames));
            }
            for (ulong i = 0; i < 600; i++)
            {
                Assert.Equal(0x100000 + i * Small, table.Translate(Virtual(0x10000000 + i * Small)).Physical.Value);
            }
        }

        // Address spaces of tasks: the Owned software bit, the table count, the shared kernel half and Release.

        [Fact]
        public void OwnedFlagRoundTripsThroughTranslate()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.Writable | PageFlags.User | PageFlags.Owned, ref _frames);
            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.Writable | PageFlags.User, ref _frames);
            table.MapLarge(Virtual(0x40000000), Physical(2 * Large), PageFlags.Owned | PageFlags.NoExecute, ref _frames);

            Assert.Equal(PageFlags.Writable | PageFlags.User | PageFlags.Owned, table.Translate(Virtual(0x400123)).Flags);
            Assert.Equal(PageFlags.Writable | PageFlags.User, table.Translate(Virtual(0x401000)).Flags);
            Assert.Equal(PageFlags.Owned | PageFlags.NoExecute, table.Translate(Virtual(0x40012345)).Flags);
        }

        [Fact]
        public void OwnedIsASoftwareBitThatLeavesTheAddressAndHardwareBitsAlone()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.User | PageFlags.Owned, ref _frames);
            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.User, ref _frames);

            ulong owned = ReadLeafEntry(table, Virtual(0x400000));
            ulong plain = ReadLeafEntry(table, Virtual(0x401000));

            Assert.Equal(1UL << 9, owned & (1UL << 9));         // bit 9: available to software
            Assert.Equal(0UL, plain & (1UL << 9));
            Assert.Equal(0x200000UL, owned & 0x000FFFFFFFFFF000UL);
            Assert.Equal(0b101UL, owned & 0b111);              // present, read-only, user
            Assert.Equal(owned & ~(1UL << 9), plain - 0x1000);  // otherwise the same entry as its unowned neighbour
        }

        [Fact]
        public void TableCountCountsTheRootAndEveryTableAllocated()
        {
            ulong freeBefore = _frames.FreeFrames;
            PageTable table = CreateTable();
            Assert.Equal(1UL, table.TableCount);

            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.User, ref _frames);
            Assert.Equal(4UL, table.TableCount);      // + page-directory-pointer table, page directory, page table
            table.Map(Virtual(0x401000), Physical(0x201000), PageFlags.User, ref _frames);
            Assert.Equal(4UL, table.TableCount);      // the same page table
            table.Map(Virtual(0x600000), Physical(0x202000), PageFlags.User, ref _frames);
            Assert.Equal(5UL, table.TableCount);      // the next 2 MiB: a page table
            table.Map(Virtual(0x40000000), Physical(0x203000), PageFlags.User, ref _frames);
            Assert.Equal(7UL, table.TableCount);      // the next 1 GiB: a page directory and a page table
            table.Map(Virtual(0xFFFFFFFF80000000), Physical(0x204000), PageFlags.None, ref _frames);
            Assert.Equal(10UL, table.TableCount);     // another top-level entry: three tables
            table.MapLarge(Virtual(0xFFFFFFFF80200000), Physical(Large), PageFlags.None, ref _frames);
            Assert.Equal(10UL, table.TableCount);     // a 2 MiB page is an entry of the existing page directory

            // Refused mappings and unmapping add or remove no tables.
            Assert.Equal(PageTableError.AlreadyMapped, table.Map(Virtual(0x400000), Physical(0x205000), PageFlags.None, ref _frames));
            Assert.Equal(PageTableError.None, table.Unmap(Virtual(0x401000), out _));
            Assert.Equal(10UL, table.TableCount);

            Assert.Equal(freeBefore - table.TableCount, _frames.FreeFrames);
        }

        [Fact]
        public void TableCountIncludesTablesLeftByAMappingThatRanOutOfMemory()
        {
            PageTable table = CreateTable();
            var hoard = new List<PhysicalAddress>();
            while (_frames.FreeFrames > 1)
            {
                hoard.Add(_frames.AllocateFrame().Address);
            }

            // Three tables are needed, one frame is left: the first table is added, then the mapping fails.
            Assert.Equal(PageTableError.OutOfMemory, table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames));

            Assert.Equal(2UL, table.TableCount);
            Assert.Equal(0UL, _frames.FreeFrames);

            table.Release(ref _frames, out ulong ownedFreed);

            Assert.Equal(0UL, ownedFreed);
            Assert.Equal(2UL, _frames.FreeFrames);
        }

        [Fact]
        public void ShareKernelHalfCopiesTheUpperHalfTopLevelEntriesOnly()
        {
            PageTable kernel = CreateTable();
            kernel.Map(Virtual(0x400000), Physical(0x200000), PageFlags.None, ref _frames);                    // entry 0
            kernel.Map(Virtual(TopLevelAddress(1)), Physical(0x201000), PageFlags.None, ref _frames);           // entry 1
            kernel.MapLarge(Virtual(DirectMapBase), Physical(0), PageFlags.Writable, ref _frames);              // entry 256
            kernel.Map(Virtual(TopLevelAddress(400)), Physical(0x202000), PageFlags.None, ref _frames);         // entry 400
            kernel.Map(Virtual(0xFFFFFFFF80000000), Physical(0x203000), PageFlags.None, ref _frames);           // entry 511
            PageTable process = CreateTable();
            process.Map(Virtual(0x400000), Physical(0x300000), PageFlags.User | PageFlags.Writable, ref _frames);
            process.Map(Virtual(TopLevelAddress(300)), Physical(0x301000), PageFlags.None, ref _frames);        // empty in the kernel
            ulong[] processLowerHalf = ReadTopLevelEntries(process, 0, 256);
            ulong processTables = process.TableCount;

            process.ShareKernelHalf(in kernel);

            Assert.Equal(ReadTopLevelEntries(kernel, 256, 256), ReadTopLevelEntries(process, 256, 256));
            Assert.Equal(processLowerHalf, ReadTopLevelEntries(process, 0, 256));
            Assert.Equal(processTables, process.TableCount);  // the kernel's tables are not the process's

            Assert.Equal(0x300000UL, process.Translate(Virtual(0x400000)).Physical.Value);
            Assert.False(process.Translate(Virtual(TopLevelAddress(1))).IsMapped);
            Assert.False(process.Translate(Virtual(TopLevelAddress(300))).IsMapped);
            Assert.Equal(0x123456UL, process.Translate(Virtual(DirectMapBase + 0x123456)).Physical.Value);
            Assert.Equal(0x202000UL, process.Translate(Virtual(TopLevelAddress(400))).Physical.Value);
            Assert.Equal(0x203000UL, process.Translate(Virtual(0xFFFFFFFF80000000)).Physical.Value);
            Assert.Equal(0x200000UL, kernel.Translate(Virtual(0x400000)).Physical.Value);

            // Shared, not copied: what the kernel maps later below a shared entry, the process sees.
            kernel.Map(Virtual(0xFFFFFFFF80001000), Physical(0x204000), PageFlags.None, ref _frames);
            Assert.Equal(0x204000UL, process.Translate(Virtual(0xFFFFFFFF80001000)).Physical.Value);
        }

        [Fact]
        public void ReleaseFreesExactlyTheOwnedFramesTheLowerHalfTablesAndTheRoot()
        {
            PageTable kernel = CreateTable();
            kernel.Map(Virtual(0xFFFFFFFF80000000), Physical(0x80000), PageFlags.None, ref _frames);
            kernel.MapLarge(Virtual(DirectMapBase), Physical(0), PageFlags.Writable, ref _frames);
            ulong freeBeforeProcess = _frames.FreeFrames;

            PageTable process = CreateTable();
            process.ShareKernelHalf(in kernel);
            PhysicalAddress root = process.Root;

            // Owned 4 KiB frames spread over several tables, up to the last page of the lower half.
            ulong[] ownedAddresses = { 0x400000, 0x401000, 0x600000, TopLevelAddress(1) + 0x1000, 0x00007FFFFFFFF000 };
            var ownedFrames = new List<PhysicalAddress>();
            foreach (ulong address in ownedAddresses)
            {
                FrameResult frame = _frames.AllocateFrame();
                Assert.True(frame.Succeeded);
                ownedFrames.Add(frame.Address);
                Assert.Equal(PageTableError.None, process.Map(Virtual(address), frame.Address, PageFlags.User | PageFlags.Writable | PageFlags.Owned, ref _frames));
            }

            // An owned 2 MiB page.
            PhysicalAddress large = AllocateLargeFrame();
            Assert.Equal(PageTableError.None, process.MapLarge(Virtual(0x40000000), large, PageFlags.User | PageFlags.Owned, ref _frames));

            // Frames the task maps but does not own: an allocated one (someone else frees it) and one that is never allocatable.
            FrameResult borrowed = _frames.AllocateFrame();
            Assert.Equal(PageTableError.None, process.Map(Virtual(0x402000), borrowed.Address, PageFlags.User, ref _frames));
            Assert.Equal(PageTableError.None, process.Map(Virtual(0x403000), Physical(0x90000), PageFlags.User, ref _frames));

            ulong ownedCount = (ulong)ownedFrames.Count + Large / Small;
            ulong tables = process.TableCount;
            Assert.Equal(freeBeforeProcess - tables - ownedCount - 1, _frames.FreeFrames);

            process.Release(ref _frames, out ulong ownedFreed);

            Assert.Equal(ownedCount, ownedFreed);
            Assert.Equal(freeBeforeProcess - 1, _frames.FreeFrames);  // all but the borrowed frame came back
            Assert.All(ownedFrames, frame => Assert.True(_frames.IsFree(frame), $"owned frame 0x{frame.Value:x} was not freed"));
            Assert.True(_frames.IsFree(large) && _frames.IsFree(large.Add(Large - Small)));
            Assert.True(_frames.IsFree(root));
            Assert.False(_frames.IsFree(borrowed.Address));
            Assert.True(process.Root.IsNull);
            Assert.Equal(0UL, process.TableCount);

            // The shared kernel half is untouched.
            Assert.False(_frames.IsFree(kernel.Root));
            Assert.Equal(0x80000UL, kernel.Translate(Virtual(0xFFFFFFFF80000000)).Physical.Value);
            Assert.Equal(0x123456UL, kernel.Translate(Virtual(DirectMapBase + 0x123456)).Physical.Value);
        }

        [Fact]
        public void ReleaseOfAnEmptyAddressSpaceFreesOnlyTheRootAndASecondReleaseNothing()
        {
            ulong freeBefore = _frames.FreeFrames;
            PageTable process = CreateTable();

            process.Release(ref _frames, out ulong firstFreed);
            ulong freeAfterFirst = _frames.FreeFrames;
            process.Release(ref _frames, out ulong secondFreed);

            Assert.Equal(0UL, firstFreed);
            Assert.Equal(freeBefore, freeAfterFirst);
            Assert.Equal(0UL, secondFreed);
            Assert.Equal(freeBefore, _frames.FreeFrames);
        }

        // The lowest canonical address covered by top-level (PML4) entry `index`.
        private static ulong TopLevelAddress(int index) =>
            index >= 256 ? 0xFFFF000000000000UL | ((ulong)index << 39) : (ulong)index << 39;

        private ulong[] ReadTopLevelEntries(PageTable table, int first, int count)
        {
            var entries = new ulong[count];
            for (int i = 0; i < count; i++)
            {
                entries[i] = _memory.ReadUInt64(table.Root.Value + (ulong)(first + i) * 8);
            }

            return entries;
        }

        // 512 allocated frames starting on a 2 MiB boundary: the aligned middle of a larger run, the rest given back.
        private PhysicalAddress AllocateLargeFrame()
        {
            const ulong FramesPerLargePage = Large / Small;
            const ulong RunLength = (2 * FramesPerLargePage) - 1;
            FrameResult run = _frames.AllocateContiguous(RunLength);
            Assert.True(run.Succeeded);
            PhysicalAddress aligned = run.Address.AlignUp(Large);
            ulong framesBefore = (aligned.Value - run.Address.Value) / Small;
            ulong framesAfter = RunLength - framesBefore - FramesPerLargePage;
            if (framesBefore > 0)
            {
                Assert.Equal(FrameAllocatorError.None, _frames.FreeContiguous(run.Address, framesBefore));
            }

            if (framesAfter > 0)
            {
                Assert.Equal(FrameAllocatorError.None, _frames.FreeContiguous(aligned.Add(Large), framesAfter));
            }

            return aligned;
        }

        // Walks the table by hand, as the CPU would, to check the raw entry bits.
        private ulong ReadLeafEntry(PageTable table, VirtualAddress address)
        {
            ulong tableAddress = table.Root.Value;
            for (int level = 4; level > 1; level--)
            {
                ulong entry = _memory.ReadUInt64(tableAddress + (ulong)address.TableIndex(level) * 8);
                Assert.NotEqual(0UL, entry & 1);
                tableAddress = entry & 0x000FFFFFFFFFF000UL;
            }
            return _memory.ReadUInt64(tableAddress + (ulong)address.TableIndex(1) * 8);
        }

        [Fact]
        public void SetPageFlagsChangesThePermissionsAndKeepsTheFrame()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.Writable | PageFlags.User | PageFlags.Derived, ref _frames);

            Assert.Equal(PageTableError.None, table.SetPageFlags(Virtual(0x400000), PageFlags.User | PageFlags.NoExecute | PageFlags.Derived));

            PageTranslation translation = table.Translate(Virtual(0x400010));
            Assert.Equal(0x200010UL, translation.Physical.Value);
            Assert.Equal(PageFlags.User | PageFlags.NoExecute | PageFlags.Derived, translation.Flags);
            Assert.Equal(PageTableError.NotMapped, table.SetPageFlags(Virtual(0x401000), PageFlags.User));
            table.MapLarge(Virtual(0x40000000), Physical(2 * Large), PageFlags.User, ref _frames);
            Assert.Equal(PageTableError.LargePageInTheWay, table.SetPageFlags(Virtual(0x40001000), PageFlags.User));
        }

        [Fact]
        public void DerivedIsASoftwareBitOfItsOwn()
        {
            PageTable table = CreateTable();
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.User | PageFlags.Derived, ref _frames);
            ulong entry = ReadLeafEntry(table, Virtual(0x400000));
            Assert.Equal(1UL << 10, entry & (1UL << 10));
            Assert.Equal(0UL, entry & (1UL << 9));
            Assert.Equal(PageFlags.User | PageFlags.Derived, table.Translate(Virtual(0x400000)).Flags);
        }

        [Fact]
        public void MissingTablesCountsTheTablesAMappingWouldAllocate()
        {
            PageTable table = CreateTable();
            Assert.Equal(3, table.MissingTables(Virtual(0x400000)));
            table.Map(Virtual(0x400000), Physical(0x200000), PageFlags.User, ref _frames);
            Assert.Equal(0, table.MissingTables(Virtual(0x401000)));            // same page table
            Assert.Equal(1, table.MissingTables(Virtual(0x600000)));            // next 2 MiB: a new page table
            Assert.Equal(2, table.MissingTables(Virtual(0x40000000)));          // next 1 GiB: directory and table
            Assert.Equal(3, table.MissingTables(Virtual(0x8000000000)));        // next 512 GiB: all three
        }

        [Fact]
        public void NextMappedPageFindsMappedPagesInOrderAndSkipsEmptyTables()
        {
            PageTable table = CreateTable();
            ulong[] pages = { 0x400000, 0x402000, 0x40200000, 0x7F0000001000 };
            foreach (ulong page in pages)
            {
                table.Map(Virtual(page), Physical(0x200000), PageFlags.User, ref _frames);
            }
            table.MapLarge(Virtual(0x80000000), Physical(2 * Large), PageFlags.User, ref _frames); // large pages are skipped

            List<ulong> found = new List<ulong>();
            ulong address = 0;
            while (table.NextMappedPage(ref address, 0x800000000000))
            {
                found.Add(address);
                address += Small;
            }
            Assert.Equal(pages, found);

            address = 0x401000;
            Assert.True(table.NextMappedPage(ref address, 0x403000));
            Assert.Equal(0x402000UL, address);
            address = 0x403000;
            Assert.False(table.NextMappedPage(ref address, 0x40200000)); // the end is exclusive
        }
    }
}
