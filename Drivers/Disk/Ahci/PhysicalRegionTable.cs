using System;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// The physical region descriptor table after a command table's first 128 bytes: entries of 16 bytes (4 double words:
    /// data base low, high, reserved, byte count − 1 with the interrupt bit) that together describe a command's data buffer
    /// (AHCI 1.3.1, 4.2.3.3). One entry covers at most 4 MiB and an even number of bytes at an even address.
    /// </summary>
    internal static class PhysicalRegionTable
    {
        public const int EntryBytes = 16;
        public const int EntryDoubleWords = EntryBytes / 4;

        /// <summary>The most bytes one entry describes (DBC is 22 bits of byte count − 1).</summary>
        public const int MaximumEntryBytes = 4 * 1024 * 1024;

        /// <summary>DW3.I: raise PxIS.DPS when this entry's data has moved.</summary>
        public const uint InterruptOnCompletion = 1u << 31;

        /// <summary>
        /// Describes <paramref name="bytes"/> bytes of contiguous memory at <paramref name="physical"/> in
        /// <paramref name="entries"/> (4 double words each), splitting at <see cref="MaximumEntryBytes"/>; the last entry
        /// asks for an interrupt. Returns how many entries it wrote, or -1 when the buffer is empty, odd in address or length,
        /// or needs more entries than <paramref name="entries"/> holds.
        /// </summary>
        public static int Describe(Span<uint> entries, ulong physical, long bytes)
        {
            if (bytes <= 0 || (bytes & 1) != 0 || (physical & 1) != 0)
            {
                return -1;
            }
            long needed = (bytes + MaximumEntryBytes - 1) / MaximumEntryBytes;
            if (needed > entries.Length / EntryDoubleWords)
            {
                return -1;
            }
            int count = (int)needed;
            long remaining = bytes;
            ulong address = physical;
            for (int i = 0; i < count; i++)
            {
                int length = remaining > MaximumEntryBytes ? MaximumEntryBytes : (int)remaining;
                Span<uint> entry = entries.Slice(i * EntryDoubleWords, EntryDoubleWords);
                entry[0] = (uint)address;
                entry[1] = (uint)(address >> 32);
                entry[2] = 0;
                entry[3] = (uint)(length - 1) | (i == count - 1 ? InterruptOnCompletion : 0);
                address += (ulong)length;
                remaining -= length;
            }
            return count;
        }

        /// <summary>The byte count entry <paramref name="entry"/> (4 double words) describes.</summary>
        public static int EntryLength(ReadOnlySpan<uint> entry) => (int)(entry[3] & 0x3FFFFF) + 1;
    }
}
