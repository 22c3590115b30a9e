namespace CosmosKernel.Memory
{
    /// <summary>One entry of the firmware's physical memory map. Pure value logic.</summary>
    internal readonly struct MemoryRegion
    {
        public readonly PhysicalAddress Start;
        public readonly ulong Length;
        public readonly MemoryRegionKind Kind;

        public MemoryRegion(PhysicalAddress start, ulong length, MemoryRegionKind kind)
        {
            Start = start;
            Length = length;
            Kind = kind;
        }

        /// <summary>One past the last byte; saturates at 2^64 - 1 for a region that would wrap.</summary>
        public PhysicalAddress End => new PhysicalAddress(Length > ulong.MaxValue - Start.Value ? ulong.MaxValue : Start.Value + Length);

        public PhysicalRange Range => new PhysicalRange(Start, End);

        public bool IsUsable => Kind == MemoryRegionKind.Usable;
    }
}
