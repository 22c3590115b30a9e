namespace CosmosKernel.Memory
{
    /// <summary>
    /// One x86-64 four-level page table (an address space): PML4 -> page-directory-pointer table -> page
    /// directory -> page table, 512 eight-byte entries each. Maps and unmaps 4 KiB pages and 2 MiB pages,
    /// allocating table frames from a <see cref="FrameAllocator"/> and editing tables through a
    /// <see cref="PhysicalMemoryWindow"/> only, so the logic runs over simulated memory in host tests.
    ///
    /// Intermediate entries are always present and writable, and user-accessible once any user page lies
    /// below them; the leaf entry alone decides the effective permissions. Unmapping leaves empty tables in
    /// place (they are reused by later mappings). This code does not touch the TLB: after changing a live
    /// table the caller invalidates the page (or reloads CR3).
    /// </summary>
    internal unsafe struct PageTable
    {
        public const ulong SmallPageSize = 4096;
        public const ulong LargePageSize = 2 * 1024 * 1024;
        public const ulong HugePageSize = 1024 * 1024 * 1024;
        private const int EntriesPerTable = 512;

        // Hardware entry bits.
        private const ulong Present = 1UL << 0;
        private const ulong WritableBit = 1UL << 1;
        private const ulong UserBit = 1UL << 2;
        private const ulong WriteThroughBit = 1UL << 3;
        private const ulong CacheDisableBit = 1UL << 4;
        private const ulong LargePageBit = 1UL << 7;
        private const ulong GlobalBit = 1UL << 8;
        private const ulong OwnedBit = 1UL << 9; // available to software: "free this frame with the address space"
        private const ulong DerivedBit = 1UL << 10; // available to software: "mapped through the mapping database"
        private const ulong NoExecuteBit = 1UL << 63;
        private const ulong AddressMask = 0x000FFFFFFFFFF000UL;

        private const int FirstKernelHalfIndex = EntriesPerTable / 2;

        private PhysicalMemoryWindow _window;
        private PhysicalAddress _root;
        private bool _noExecuteSupported;
        private ulong _tableCount;

        /// <summary>
        /// Creates an empty address space: allocates and zeroes a PML4. <paramref name="noExecuteSupported"/>
        /// says whether EFER.NXE is on (otherwise bit 63 is reserved and NoExecute is dropped).
        /// Returns None, OutOfMemory or TableOutsideWindow.
        /// </summary>
        public static PageTableError Create(ref FrameAllocator frames, PhysicalMemoryWindow window, bool noExecuteSupported, out PageTable table)
        {
            table = default;
            table._window = window;
            table._noExecuteSupported = noExecuteSupported;
            PageTableError error = table.AllocateTable(ref frames, out PhysicalAddress root);
            if (error != PageTableError.None)
            {
                return error;
            }
            table._root = root;
            return PageTableError.None;
        }

        /// <summary>The physical address of the PML4 (what CR3 is loaded with).</summary>
        public readonly PhysicalAddress Root => _root;

        /// <summary>Table frames this address space allocated (the PML4 included).</summary>
        public readonly ulong TableCount => _tableCount;

        /// <summary>The window through which tables are edited.</summary>
        public readonly PhysicalMemoryWindow Window => _window;

        /// <summary>Switches to another window onto the same physical memory (the kernel does so after CR3 changes).</summary>
        public void SetWindow(PhysicalMemoryWindow window)
        {
            _window = window;
        }

        /// <summary>
        /// Maps the 4 KiB page at <paramref name="virtualAddress"/> to the frame at <paramref name="physical"/>.
        /// Preconditions: both 4 KiB aligned, virtual address canonical. Returns None, NotAligned, NotCanonical,
        /// AlreadyMapped, LargePageInTheWay, OutOfMemory or TableOutsideWindow (then no mapping was added,
        /// though intermediate tables may have been).
        /// </summary>
        public PageTableError Map(VirtualAddress virtualAddress, PhysicalAddress physical, PageFlags flags, ref FrameAllocator frames)
        {
            return MapAtLevel(virtualAddress, physical, flags, 1, ref frames);
        }

        /// <summary>Maps a 2 MiB page. As <see cref="Map"/>, with both addresses 2 MiB aligned.</summary>
        public PageTableError MapLarge(VirtualAddress virtualAddress, PhysicalAddress physical, PageFlags flags, ref FrameAllocator frames)
        {
            return MapAtLevel(virtualAddress, physical, flags, 2, ref frames);
        }

        /// <summary>
        /// Removes the mapping of the page containing <paramref name="virtualAddress"/> (4 KiB, or 2 MiB when a
        /// large page maps it, in which case the address must be 2 MiB aligned). Returns the frame it mapped in
        /// <paramref name="frame"/>. Returns None, NotCanonical, NotMapped, NotAligned or TableOutsideWindow.
        /// Other mappings, also in the same tables, are untouched.
        /// </summary>
        public PageTableError Unmap(VirtualAddress virtualAddress, out PhysicalAddress frame)
        {
            frame = PhysicalAddress.Null;
            if (!virtualAddress.IsCanonical)
            {
                return PageTableError.NotCanonical;
            }
            PhysicalAddress tableAddress = _root;
            for (int level = 4; level >= 1; level--)
            {
                if (!_window.Contains(tableAddress, SmallPageSize))
                {
                    return PageTableError.TableOutsideWindow;
                }
                ulong* entry = EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                ulong value = *entry;
                if ((value & Present) == 0)
                {
                    return PageTableError.NotMapped;
                }
                bool isLeaf = level == 1 || (value & LargePageBit) != 0;
                if (isLeaf)
                {
                    ulong pageSize = PageSizeOfLevel(level);
                    if (!virtualAddress.IsAlignedTo(pageSize) && level > 1)
                    {
                        return PageTableError.NotAligned;
                    }
                    frame = new PhysicalAddress(value & AddressMask & ~(pageSize - 1));
                    *entry = 0;
                    return PageTableError.None;
                }
                tableAddress = new PhysicalAddress(value & AddressMask);
            }
            return PageTableError.NotMapped;
        }

        /// <summary>
        /// Replaces the permissions of the 4 KiB page mapped at <paramref name="virtualAddress"/> (its frame stays). Returns
        /// None, NotCanonical, NotMapped, LargePageInTheWay or TableOutsideWindow. The caller invalidates the TLB entry.
        /// </summary>
        public PageTableError SetPageFlags(VirtualAddress virtualAddress, PageFlags flags)
        {
            if (!virtualAddress.IsCanonical)
            {
                return PageTableError.NotCanonical;
            }
            PhysicalAddress tableAddress = _root;
            for (int level = 4; level >= 1; level--)
            {
                if (!_window.Contains(tableAddress, SmallPageSize))
                {
                    return PageTableError.TableOutsideWindow;
                }
                ulong* entry = EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                ulong value = *entry;
                if ((value & Present) == 0)
                {
                    return PageTableError.NotMapped;
                }
                if (level == 1)
                {
                    *entry = (value & AddressMask) | Present | EntryBits(flags);
                    return PageTableError.None;
                }
                if ((value & LargePageBit) != 0)
                {
                    return PageTableError.LargePageInTheWay;
                }
                tableAddress = new PhysicalAddress(value & AddressMask);
            }
            return PageTableError.NotMapped;
        }

        /// <summary>
        /// Moves <paramref name="address"/> (4 KiB aligned) to the first page at or above it and below <paramref name="end"/>
        /// that a 4 KiB leaf entry maps, skipping whole empty tables; false when there is none (large pages are skipped).
        /// </summary>
        public readonly bool NextMappedPage(ref ulong address, ulong end)
        {
            while (address < end)
            {
                VirtualAddress virtualAddress = new VirtualAddress(address);
                PhysicalAddress tableAddress = _root;
                ulong skip = 0;
                for (int level = 4; level >= 1; level--)
                {
                    ulong coverage = level == 4 ? 1UL << 39 : level == 3 ? HugePageSize : level == 2 ? LargePageSize : SmallPageSize;
                    if (!_window.Contains(tableAddress, SmallPageSize))
                    {
                        skip = coverage;
                        break;
                    }
                    ulong value = *EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                    if ((value & Present) == 0 || (level > 1 && (value & LargePageBit) != 0))
                    {
                        skip = coverage;
                        break;
                    }
                    if (level == 1)
                    {
                        return true;
                    }
                    tableAddress = new PhysicalAddress(value & AddressMask);
                }
                ulong next = (address & ~(skip - 1)) + skip;
                if (next <= address)
                {
                    return false;
                }
                address = next;
            }
            return false;
        }

        /// <summary>How many tables mapping a 4 KiB page at <paramref name="virtualAddress"/> would have to allocate (0-3).</summary>
        public readonly int MissingTables(VirtualAddress virtualAddress)
        {
            PhysicalAddress tableAddress = _root;
            for (int level = 4; level > 1; level--)
            {
                if (!_window.Contains(tableAddress, SmallPageSize))
                {
                    return level - 1;
                }
                ulong value = *EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                if ((value & Present) == 0 || (value & LargePageBit) != 0)
                {
                    return level - 1;
                }
                tableAddress = new PhysicalAddress(value & AddressMask);
            }
            return 0;
        }

        /// <summary>Looks <paramref name="virtualAddress"/> up as the CPU would. Not mapped: IsMapped is false.</summary>
        public readonly PageTranslation Translate(VirtualAddress virtualAddress)
        {
            if (!virtualAddress.IsCanonical)
            {
                return PageTranslation.NotMapped;
            }
            PhysicalAddress tableAddress = _root;
            bool writable = true;
            bool user = true;
            for (int level = 4; level >= 1; level--)
            {
                if (!_window.Contains(tableAddress, SmallPageSize))
                {
                    return PageTranslation.NotMapped;
                }
                ulong value = *EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                if ((value & Present) == 0)
                {
                    return PageTranslation.NotMapped;
                }
                // Effective permissions are the intersection along the walk.
                writable &= (value & WritableBit) != 0;
                user &= (value & UserBit) != 0;
                if (level == 1 || (value & LargePageBit) != 0)
                {
                    ulong pageSize = PageSizeOfLevel(level);
                    ulong frame = value & AddressMask & ~(pageSize - 1);
                    PageFlags flags = LeafFlags(value);
                    flags = writable ? flags | PageFlags.Writable : flags & ~PageFlags.Writable;
                    flags = user ? flags | PageFlags.User : flags & ~PageFlags.User;
                    return new PageTranslation(new PhysicalAddress(frame + (virtualAddress.Value & (pageSize - 1))), flags, pageSize);
                }
                tableAddress = new PhysicalAddress(value & AddressMask);
            }
            return PageTranslation.NotMapped;
        }

        /// <summary>
        /// Copies the top-level entry covering <paramref name="virtualAddress"/> from <paramref name="source"/>,
        /// sharing everything below it (how address spaces will share the kernel half).
        /// </summary>
        public void ShareTopLevelEntry(in PageTable source, VirtualAddress virtualAddress)
        {
            int index = virtualAddress.TableIndex(4);
            *EntryPointer(_root, index) = *source.EntryPointer(source._root, index);
        }

        /// <summary>
        /// Shares the whole upper (kernel) half of <paramref name="source"/>: its 256 top-level entries are copied,
        /// so later changes below them are seen by both. The kernel never adds top-level entries after boot.
        /// </summary>
        public void ShareKernelHalf(in PageTable source)
        {
            for (int index = FirstKernelHalfIndex; index < EntriesPerTable; index++)
            {
                *EntryPointer(_root, index) = *source.EntryPointer(source._root, index);
            }
        }

        /// <summary>
        /// Tears the lower half down: frees every frame mapped there with <see cref="PageFlags.Owned"/>, every
        /// lower-half table and the PML4 (the shared kernel half is left alone). Counts the owned frames freed.
        /// The table must not be loaded in CR3. Afterwards it is empty and unusable.
        /// </summary>
        public void Release(ref FrameAllocator frames, out ulong ownedFramesFreed)
        {
            ownedFramesFreed = 0;
            if (_root.IsNull)
            {
                return;
            }
            for (int index = 0; index < FirstKernelHalfIndex; index++)
            {
                ulong* entry = EntryPointer(_root, index);
                if ((*entry & Present) != 0)
                {
                    ReleaseTable(new PhysicalAddress(*entry & AddressMask), 3, ref frames, ref ownedFramesFreed);
                    *entry = 0;
                }
            }
            frames.FreeFrame(_root);
            _root = PhysicalAddress.Null;
            _tableCount = 0;
        }

        // Frees the table at `table` (of `level`: 3 = page-directory-pointer table ... 1 = page table) and everything below it.
        private void ReleaseTable(PhysicalAddress table, int level, ref FrameAllocator frames, ref ulong ownedFramesFreed)
        {
            if (!_window.Contains(table, SmallPageSize))
            {
                return;
            }
            for (int index = 0; index < EntriesPerTable; index++)
            {
                ulong value = *EntryPointer(table, index);
                if ((value & Present) == 0)
                {
                    continue;
                }
                if (level == 1 || (value & LargePageBit) != 0)
                {
                    if ((value & OwnedBit) != 0)
                    {
                        ulong frameCount = PageSizeOfLevel(level) / SmallPageSize;
                        frames.FreeContiguous(new PhysicalAddress(value & AddressMask & ~(PageSizeOfLevel(level) - 1)), frameCount);
                        ownedFramesFreed += frameCount;
                    }
                }
                else
                {
                    ReleaseTable(new PhysicalAddress(value & AddressMask), level - 1, ref frames, ref ownedFramesFreed);
                }
            }
            frames.FreeFrame(table);
            _tableCount--;
        }

        private PageTableError MapAtLevel(VirtualAddress virtualAddress, PhysicalAddress physical, PageFlags flags, int leafLevel, ref FrameAllocator frames)
        {
            ulong pageSize = PageSizeOfLevel(leafLevel);
            if (!virtualAddress.IsAlignedTo(pageSize) || !physical.IsAlignedTo(pageSize) || (physical.Value & ~AddressMask) != 0)
            {
                return PageTableError.NotAligned;
            }
            if (!virtualAddress.IsCanonical)
            {
                return PageTableError.NotCanonical;
            }
            bool user = (flags & PageFlags.User) != 0;
            PhysicalAddress tableAddress = _root;
            for (int level = 4; level > leafLevel; level--)
            {
                if (!_window.Contains(tableAddress, SmallPageSize))
                {
                    return PageTableError.TableOutsideWindow;
                }
                ulong* entry = EntryPointer(tableAddress, virtualAddress.TableIndex(level));
                ulong value = *entry;
                if ((value & Present) == 0)
                {
                    PageTableError error = AllocateTable(ref frames, out PhysicalAddress table);
                    if (error != PageTableError.None)
                    {
                        return error;
                    }
                    value = table.Value | Present | WritableBit | (user ? UserBit : 0);
                    *entry = value;
                }
                else if ((value & LargePageBit) != 0)
                {
                    return PageTableError.LargePageInTheWay;
                }
                else if (user && (value & UserBit) == 0)
                {
                    value |= UserBit;
                    *entry = value;
                }
                tableAddress = new PhysicalAddress(value & AddressMask);
            }
            if (!_window.Contains(tableAddress, SmallPageSize))
            {
                return PageTableError.TableOutsideWindow;
            }
            ulong* leaf = EntryPointer(tableAddress, virtualAddress.TableIndex(leafLevel));
            if ((*leaf & Present) != 0)
            {
                return (*leaf & LargePageBit) != 0 && leafLevel == 1 ? PageTableError.LargePageInTheWay : PageTableError.AlreadyMapped;
            }
            *leaf = physical.Value | Present | EntryBits(flags) | (leafLevel > 1 ? LargePageBit : 0);
            return PageTableError.None;
        }

        // A zeroed frame for a new table.
        private PageTableError AllocateTable(ref FrameAllocator frames, out PhysicalAddress table)
        {
            table = PhysicalAddress.Null;
            FrameResult result = frames.AllocateFrame();
            if (!result.Succeeded)
            {
                return PageTableError.OutOfMemory;
            }
            if (!_window.Contains(result.Address, SmallPageSize))
            {
                frames.FreeFrame(result.Address);
                return PageTableError.TableOutsideWindow;
            }
            ulong* entries = (ulong*)_window.ToPointer(result.Address);
            for (int i = 0; i < EntriesPerTable; i++)
            {
                entries[i] = 0;
            }
            table = result.Address;
            _tableCount++;
            return PageTableError.None;
        }

        private readonly ulong* EntryPointer(PhysicalAddress table, int index) => (ulong*)_window.ToPointer(table) + index;

        private readonly ulong EntryBits(PageFlags flags)
        {
            ulong bits = 0;
            if ((flags & PageFlags.Writable) != 0) bits |= WritableBit;
            if ((flags & PageFlags.User) != 0) bits |= UserBit;
            if ((flags & PageFlags.Global) != 0) bits |= GlobalBit;
            if ((flags & PageFlags.CacheDisable) != 0) bits |= CacheDisableBit;
            if ((flags & PageFlags.WriteThrough) != 0) bits |= WriteThroughBit;
            if ((flags & PageFlags.NoExecute) != 0 && _noExecuteSupported) bits |= NoExecuteBit;
            if ((flags & PageFlags.Owned) != 0) bits |= OwnedBit;
            if ((flags & PageFlags.Derived) != 0) bits |= DerivedBit;
            return bits;
        }

        private static PageFlags LeafFlags(ulong entry)
        {
            PageFlags flags = PageFlags.None;
            if ((entry & WritableBit) != 0) flags |= PageFlags.Writable;
            if ((entry & UserBit) != 0) flags |= PageFlags.User;
            if ((entry & GlobalBit) != 0) flags |= PageFlags.Global;
            if ((entry & CacheDisableBit) != 0) flags |= PageFlags.CacheDisable;
            if ((entry & WriteThroughBit) != 0) flags |= PageFlags.WriteThrough;
            if ((entry & NoExecuteBit) != 0) flags |= PageFlags.NoExecute;
            if ((entry & OwnedBit) != 0) flags |= PageFlags.Owned;
            if ((entry & DerivedBit) != 0) flags |= PageFlags.Derived;
            return flags;
        }

        private static ulong PageSizeOfLevel(int level) => level == 1 ? SmallPageSize : level == 2 ? LargePageSize : HugePageSize;
    }
}
