namespace CosmosKernel.Memory
{
    /// <summary>A half-open range of physical addresses [Start, End). Pure value logic.</summary>
    internal readonly struct PhysicalRange
    {
        public readonly PhysicalAddress Start;
        public readonly PhysicalAddress End;

        public PhysicalRange(PhysicalAddress start, PhysicalAddress end)
        {
            Start = start;
            End = end;
        }

        public static PhysicalRange FromLength(PhysicalAddress start, ulong length) => new PhysicalRange(start, start.Add(length));

        public ulong Length => End.Value > Start.Value ? End.Value - Start.Value : 0;

        public bool IsEmpty => End.Value <= Start.Value;

        public bool Contains(PhysicalAddress address) => address >= Start && address < End;

        public bool Overlaps(PhysicalRange other) => Start < other.End && other.Start < End;
    }
}
