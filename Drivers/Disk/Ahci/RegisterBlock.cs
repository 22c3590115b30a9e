namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The naturally aligned block of at least one page that covers a memory BAR, as sigma0 maps device memory: the HBA's
    /// registers then sit at <see cref="Offset"/> inside it (an ABAR of 2 KiB need not start on a page).
    /// </summary>
    internal readonly struct RegisterBlock
    {
        public const int SmallestLog2 = 12;
        public const int LargestLog2 = 22;

        public readonly ulong Base;
        public readonly int SizeLog2;
        public readonly ulong Offset;

        private RegisterBlock(ulong blockBase, int sizeLog2, ulong offset)
        {
            Base = blockBase;
            SizeLog2 = sizeLog2;
            Offset = offset;
        }

        /// <summary>
        /// The smallest naturally aligned block of 4 KiB to 4 MiB that holds [<paramref name="barBase"/>, + <paramref name="size"/>);
        /// false for an empty BAR or one no such block covers.
        /// </summary>
        public static bool TryCover(ulong barBase, ulong size, out RegisterBlock block)
        {
            block = default;
            if (barBase == 0 || size == 0 || barBase + size < barBase)
            {
                return false;
            }
            for (int log2 = SmallestLog2; log2 <= LargestLog2; log2++)
            {
                ulong blockBase = barBase & ~((1UL << log2) - 1);
                if (barBase + size <= blockBase + (1UL << log2))
                {
                    block = new RegisterBlock(blockBase, log2, barBase - blockBase);
                    return true;
                }
            }
            return false;
        }
    }
}
