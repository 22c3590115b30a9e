namespace CosmosKernel.Memory
{
    /// <summary>
    /// An address in a virtual address space (what code dereferences). Distinct from
    /// <see cref="PhysicalAddress"/>; see there. x86-64 uses 48-bit virtual addresses: bits 63..47 must all
    /// equal bit 47 ("canonical"), otherwise any access faults. Pure value logic: compiled into the host tests.
    /// </summary>
    internal readonly unsafe struct VirtualAddress
    {
        public const ulong PageSize = 4096;

        public readonly ulong Value;

        public VirtualAddress(ulong value)
        {
            Value = value;
        }

        public static VirtualAddress FromPointer(void* pointer) => new VirtualAddress((ulong)pointer);

        public void* ToPointer() => (void*)Value;

        public bool IsNull => Value == 0;

        public bool IsPageAligned => (Value & (PageSize - 1)) == 0;

        public bool IsAlignedTo(ulong alignment) => (Value & (alignment - 1)) == 0;

        /// <summary>True when bits 63..47 are all copies of bit 47 (the only addresses the CPU accepts).</summary>
        public bool IsCanonical
        {
            get
            {
                ulong upper = Value >> 47;
                return upper == 0 || upper == 0x1FFFF;
            }
        }

        /// <summary>True for the upper half (kernel space): canonical with bit 47 set.</summary>
        public bool IsHigherHalf => (Value >> 47) == 0x1FFFF;

        public VirtualAddress AlignDown(ulong alignment) => new VirtualAddress(Value & ~(alignment - 1));

        public VirtualAddress AlignUp(ulong alignment) => new VirtualAddress((Value + alignment - 1) & ~(alignment - 1));

        public VirtualAddress Add(ulong bytes) => new VirtualAddress(Value + bytes);

        public ulong Subtract(VirtualAddress lower) => Value - lower.Value;

        /// <summary>The 9-bit index into the page table at <paramref name="level"/> (4 = PML4 .. 1 = page table).</summary>
        public int TableIndex(int level) => (int)((Value >> (12 + 9 * (level - 1))) & 0x1FF);

        public static bool operator ==(VirtualAddress left, VirtualAddress right) => left.Value == right.Value;

        public static bool operator !=(VirtualAddress left, VirtualAddress right) => left.Value != right.Value;

        public static bool operator <(VirtualAddress left, VirtualAddress right) => left.Value < right.Value;

        public static bool operator >(VirtualAddress left, VirtualAddress right) => left.Value > right.Value;

        public static bool operator <=(VirtualAddress left, VirtualAddress right) => left.Value <= right.Value;

        public static bool operator >=(VirtualAddress left, VirtualAddress right) => left.Value >= right.Value;

        public override bool Equals(object obj) => obj is VirtualAddress other && other.Value == Value;

        public override int GetHashCode() => (int)(Value ^ (Value >> 32));
    }
}
