namespace CosmosKernel.Memory
{
    /// <summary>
    /// The physical memory map as a fixed-capacity value (no heap exists when it is built): the regions the
    /// boot loader reported, in its order. Pure logic: compiled into the host tests.
    /// </summary>
    internal unsafe struct MemoryMap
    {
        /// <summary>More entries than firmware reports (UEFI maps run to a few dozen); extra entries are refused.</summary>
        public const int Capacity = 256;

        private fixed ulong _starts[Capacity];
        private fixed ulong _lengths[Capacity];
        private fixed uint _kinds[Capacity];
        private int _count;

        public readonly int Count => _count;

        /// <summary>Appends a region. Returns false (and changes nothing) when the map is full.</summary>
        public bool Add(MemoryRegion region)
        {
            if (_count >= Capacity)
            {
                return false;
            }
            _starts[_count] = region.Start.Value;
            _lengths[_count] = region.Length;
            _kinds[_count] = (uint)region.Kind;
            _count++;
            return true;
        }

        /// <summary>The region at <paramref name="index"/>. Precondition: 0 &lt;= index &lt; Count.</summary>
        public readonly MemoryRegion this[int index] => new MemoryRegion(new PhysicalAddress(_starts[index]), _lengths[index], (MemoryRegionKind)_kinds[index]);

        /// <summary>The end of the highest usable region (0 when there is none).</summary>
        public readonly PhysicalAddress HighestUsableEnd
        {
            get
            {
                ulong highest = 0;
                for (int i = 0; i < _count; i++)
                {
                    if ((MemoryRegionKind)_kinds[i] == MemoryRegionKind.Usable)
                    {
                        ulong end = this[i].End.Value;
                        if (end > highest)
                        {
                            highest = end;
                        }
                    }
                }
                return new PhysicalAddress(highest);
            }
        }

        /// <summary>The total size of the usable regions in bytes.</summary>
        public readonly ulong UsableBytes
        {
            get
            {
                ulong total = 0;
                for (int i = 0; i < _count; i++)
                {
                    if ((MemoryRegionKind)_kinds[i] == MemoryRegionKind.Usable)
                    {
                        total += _lengths[i];
                    }
                }
                return total;
            }
        }
    }
}
