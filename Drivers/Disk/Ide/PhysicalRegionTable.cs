using System;

namespace Cosmos.Drivers.Disk.Ide
{
    /// <summary>
    /// The bus-master IDE controller's physical region descriptor table: each entry two dwords, the region's physical
    /// address (even) and, in the second, the byte count in bits 0-15 (0 means 64 KiB) and end-of-table in bit 31. A
    /// region may not cross a 64 KiB boundary, so a transfer is cut at every one. Pure: builds into a span.
    /// </summary>
    internal static class PhysicalRegionTable
    {
        public const int RegionBoundary = 64 * 1024;
        public const uint EndOfTable = 1u << 31;
        public const int DwordsPerEntry = 2;

        /// <summary>
        /// Fills <paramref name="table"/> with entries describing <paramref name="bytes"/> bytes from <paramref name="physical"/>;
        /// returns the entry count, or -1 when the range is empty, odd, above 4 GiB or needs more entries than fit.
        /// </summary>
        public static int Build(ulong physical, long bytes, Span<uint> table)
        {
            if (bytes <= 0 || (bytes & 1) != 0 || (physical & 1) != 0 || physical + (ulong)bytes > 0x1_0000_0000UL)
            {
                return -1;
            }
            int entries = 0;
            ulong address = physical;
            long left = bytes;
            while (left > 0)
            {
                if ((entries + 1) * DwordsPerEntry > table.Length)
                {
                    return -1;
                }
                long toBoundary = RegionBoundary - (long)(address % RegionBoundary);
                long length = left < toBoundary ? left : toBoundary;
                table[entries * DwordsPerEntry] = (uint)address;
                table[entries * DwordsPerEntry + 1] = (uint)(length & 0xFFFF);
                entries++;
                address += (ulong)length;
                left -= length;
            }
            table[(entries - 1) * DwordsPerEntry + 1] |= EndOfTable;
            return entries;
        }

        /// <summary>The bytes entry <paramref name="index"/> describes (a count of 0 means 64 KiB).</summary>
        public static int LengthOf(ReadOnlySpan<uint> table, int index)
        {
            int count = (int)(table[index * DwordsPerEntry + 1] & 0xFFFF);
            return count == 0 ? RegionBoundary : count;
        }
    }
}
