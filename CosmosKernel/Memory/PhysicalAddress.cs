namespace CosmosKernel.Memory
{
    /// <summary>
    /// An address in physical memory (what the memory bus sees). A distinct type from
    /// <see cref="VirtualAddress"/> so the compiler rejects passing one where the other is meant; the only
    /// way between them is an explicit translation (the direct map or a page-table walk).
    /// Pure value logic: compiled into the host tests too.
    /// </summary>
    internal readonly struct PhysicalAddress
    {
        public const ulong PageSize = 4096;

        public readonly ulong Value;

        public PhysicalAddress(ulong value)
        {
            Value = value;
        }

        public static PhysicalAddress Null => default;

        public bool IsNull => Value == 0;

        public bool IsPageAligned => (Value & (PageSize - 1)) == 0;

        /// <summary>True when the address is a multiple of <paramref name="alignment"/> (a power of two).</summary>
        public bool IsAlignedTo(ulong alignment) => (Value & (alignment - 1)) == 0;

        /// <summary>The frame containing this address: rounds down to <paramref name="alignment"/> (a power of two).</summary>
        public PhysicalAddress AlignDown(ulong alignment) => new PhysicalAddress(Value & ~(alignment - 1));

        /// <summary>Rounds up to <paramref name="alignment"/> (a power of two). Precondition: no overflow past 2^64.</summary>
        public PhysicalAddress AlignUp(ulong alignment) => new PhysicalAddress((Value + alignment - 1) & ~(alignment - 1));

        public PhysicalAddress Add(ulong bytes) => new PhysicalAddress(Value + bytes);

        /// <summary>Bytes from <paramref name="lower"/> up to this address. Precondition: lower &lt;= this.</summary>
        public ulong Subtract(PhysicalAddress lower) => Value - lower.Value;

        /// <summary>The 4 KiB frame number (address / 4096).</summary>
        public ulong FrameNumber => Value / PageSize;

        public static PhysicalAddress FromFrameNumber(ulong frame) => new PhysicalAddress(frame * PageSize);

        public static bool operator ==(PhysicalAddress left, PhysicalAddress right) => left.Value == right.Value;

        public static bool operator !=(PhysicalAddress left, PhysicalAddress right) => left.Value != right.Value;

        public static bool operator <(PhysicalAddress left, PhysicalAddress right) => left.Value < right.Value;

        public static bool operator >(PhysicalAddress left, PhysicalAddress right) => left.Value > right.Value;

        public static bool operator <=(PhysicalAddress left, PhysicalAddress right) => left.Value <= right.Value;

        public static bool operator >=(PhysicalAddress left, PhysicalAddress right) => left.Value >= right.Value;

        public override bool Equals(object obj) => obj is PhysicalAddress other && other.Value == Value;

        public override int GetHashCode() => (int)(Value ^ (Value >> 32));
    }
}
