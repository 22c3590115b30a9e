namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A naturally aligned, power-of-two-sized region of a user address space, with access rights, in one word:
    /// bits 0-2 rights (<see cref="FlexpageRights"/>), bit 3 reserved, bits 4-9 log2 of the size (12-47),
    /// bits 10-11 reserved, bits 12-63 the base address (its low 12 bits are zero). The base is a multiple of the size
    /// and below <see cref="MessageLimits.UserAddressLimit"/>, so the region never passes the end of the user half.
    /// A flexpage item sends one; a receiver declares one as its memory window (rights ignored there).
    /// </summary>
    public readonly struct Flexpage
    {
        public const int MinimumSizeLog2 = 12;
        public const int MaximumSizeLog2 = 47;
        public const ulong RightsMask = 0x7;
        public const int SizeLog2Shift = 4;
        public const ulong SizeLog2Mask = 0x3F;
        public const ulong BaseMask = ~0xFFFUL;

        /// <summary>Bits 3, 10 and 11: must be zero.</summary>
        public const ulong ReservedMask = 0xC08;

        private readonly ulong _word;

        private Flexpage(ulong word)
        {
            _word = word;
        }

        public ulong Word => _word;

        public ulong BaseAddress => _word & BaseMask;

        public int SizeLog2 => (int)((_word >> SizeLog2Shift) & SizeLog2Mask);

        public ulong Size => 1UL << SizeLog2;

        public FlexpageRights Rights => (FlexpageRights)(_word & RightsMask);

        /// <summary>Builds a flexpage from its fields; returns the first rule they break, and leaves it zero then.</summary>
        public static MessageError TryCreate(ulong baseAddress, int sizeLog2, FlexpageRights rights, out Flexpage flexpage)
        {
            flexpage = default;
            if (((ulong)rights & ~RightsMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            MessageError error = CheckRegion(baseAddress, sizeLog2);
            if (error != MessageError.None)
            {
                return error;
            }
            flexpage = new Flexpage(baseAddress | ((ulong)sizeLog2 << SizeLog2Shift) | (ulong)rights);
            return MessageError.None;
        }

        /// <summary>Reads a flexpage word; returns the first rule it breaks, and leaves the flexpage zero then.</summary>
        public static MessageError TryDecode(ulong word, out Flexpage flexpage)
        {
            flexpage = default;
            if ((word & ReservedMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            MessageError error = CheckRegion(word & BaseMask, (int)((word >> SizeLog2Shift) & SizeLog2Mask));
            if (error != MessageError.None)
            {
                return error;
            }
            flexpage = new Flexpage(word);
            return MessageError.None;
        }

        private static MessageError CheckRegion(ulong baseAddress, int sizeLog2)
        {
            if (sizeLog2 < MinimumSizeLog2 || sizeLog2 > MaximumSizeLog2)
            {
                return MessageError.FlexpageSizeOutOfRange;
            }
            if (baseAddress >= MessageLimits.UserAddressLimit)
            {
                return MessageError.FlexpageOutsideUserSpace;
            }
            // A multiple of 2^sizeLog2 below 2^47 ends at or below 2^47, so no end check is needed.
            if ((baseAddress & ((1UL << sizeLog2) - 1)) != 0)
            {
                return MessageError.FlexpageMisaligned;
            }
            return MessageError.None;
        }
    }
}
