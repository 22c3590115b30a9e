namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// What a send right to the device port allows, read from its badge (Sigma0Protocol, MapDevice): badge 0 (the root
    /// task's unbadged right) allows every device block; any other badge is a flexpage word of physical addresses,
    /// base | log2 size &lt;&lt; 4 (bits 0-2 may carry rights and are ignored), and allows only blocks inside that region.
    /// A badge that is not a valid region (size below 4 KiB or past the physical address space, base not a multiple of
    /// the size, reserved bits 3, 10 or 11 set) allows nothing. Pure logic: host-tested.
    /// </summary>
    internal static class DeviceAuthority
    {
        /// <summary>x86-64 physical addresses have at most 52 bits.</summary>
        public const int PhysicalAddressBits = 52;

        private const ulong ReservedBits = 0xC08;
        private const int SizeLog2Shift = 4;
        private const ulong SizeLog2Mask = 0x3F;
        private const ulong BaseMask = ~0xFFFUL;

        /// <summary>True when a request through a capability with <paramref name="badge"/> may map <paramref name="block"/>.</summary>
        public static bool Allows(ulong badge, PhysicalBlock block)
        {
            if (badge == 0)
            {
                return true;
            }
            if (!TryDecodeRegion(badge, out ulong regionBase, out int regionSizeLog2))
            {
                return false;
            }
            ulong regionSize = 1UL << regionSizeLog2;
            return block.BaseAddress >= regionBase && block.End - regionBase <= regionSize;
        }

        /// <summary>The region a badge names; false when it names none.</summary>
        public static bool TryDecodeRegion(ulong badge, out ulong regionBase, out int regionSizeLog2)
        {
            regionBase = badge & BaseMask;
            regionSizeLog2 = (int)((badge >> SizeLog2Shift) & SizeLog2Mask);
            if ((badge & ReservedBits) != 0 || regionSizeLog2 < PhysicalBlock.FrameSizeLog2 || regionSizeLog2 > PhysicalAddressBits)
            {
                return false;
            }
            return (regionBase & ((1UL << regionSizeLog2) - 1)) == 0 && regionBase >> PhysicalAddressBits == 0;
        }
    }
}
