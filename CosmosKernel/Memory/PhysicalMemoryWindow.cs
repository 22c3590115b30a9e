namespace CosmosKernel.Memory
{
    /// <summary>
    /// How code reaches physical memory: a linear window in which physical address p appears at
    /// virtual address Base + p, for p below <see cref="Limit"/>. In the kernel the window is the direct map
    /// at 0xFFFF800000000000 (the boot stub maps the first 4 GiB there; the kernel's own page tables map all
    /// of memory). In host tests it is a block of host memory that simulates physical memory from address 0.
    /// The frame allocator and the page-table code reach memory only through this type, which is what
    /// lets them run on the host.
    /// </summary>
    internal readonly unsafe struct PhysicalMemoryWindow
    {
        private readonly ulong _base;
        private readonly ulong _limit;

        /// <param name="virtualBase">Where physical address 0 appears.</param>
        /// <param name="limit">One past the highest physical address reachable through the window.</param>
        public PhysicalMemoryWindow(ulong virtualBase, ulong limit)
        {
            _base = virtualBase;
            _limit = limit;
        }

        public ulong Base => _base;

        public ulong Limit => _limit;

        /// <summary>True when [address, address + length) lies inside the window.</summary>
        public bool Contains(PhysicalAddress address, ulong length)
        {
            return address.Value <= _limit && length <= _limit - address.Value;
        }

        /// <summary>A pointer to the byte at <paramref name="address"/>. Precondition: Contains(address, bytes accessed).</summary>
        public byte* ToPointer(PhysicalAddress address) => (byte*)(_base + address.Value);

        public VirtualAddress ToVirtual(PhysicalAddress address) => new VirtualAddress(_base + address.Value);

        /// <summary>The physical address behind a pointer into the window. Precondition: the pointer came from ToPointer.</summary>
        public PhysicalAddress ToPhysical(void* pointer) => new PhysicalAddress((ulong)pointer - _base);

        /// <summary>The same window with a different reach (the kernel widens it once all memory is mapped).</summary>
        public PhysicalMemoryWindow WithLimit(ulong limit) => new PhysicalMemoryWindow(_base, limit);
    }
}
