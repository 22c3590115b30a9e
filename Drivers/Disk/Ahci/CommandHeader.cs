using System;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// One entry of a port's command list (32 bytes, 8 double words; AHCI 1.3.1, 4.2.2): how long the command FIS is,
    /// which direction data moves, how many PRDT entries follow, and where the command table is.
    /// </summary>
    internal static class CommandHeader
    {
        public const int Bytes = 32;
        public const int DoubleWords = Bytes / 4;

        /// <summary>DW0.W: data moves from memory to the device.</summary>
        public const uint WriteBit = 1u << 6;

        /// <summary>DW0.C: the HBA clears BSY after the FIS was sent (for reset FISes; not used for commands).</summary>
        public const uint ClearBusyBit = 1u << 10;

        /// <summary>The most PRDT entries DW0.PRDTL can count.</summary>
        public const int MaximumRegions = 0xFFFF;

        /// <summary>
        /// Fills <paramref name="header"/> (8 double words): command FIS length <paramref name="fisDoubleWords"/> (2-16),
        /// the write bit, <paramref name="regions"/> PRDT entries, byte count 0, command table at <paramref name="tablePhysical"/>
        /// (128-byte aligned).
        /// </summary>
        public static void Write(Span<uint> header, int fisDoubleWords, bool write, int regions, ulong tablePhysical)
        {
            if (fisDoubleWords < 2 || fisDoubleWords > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(fisDoubleWords));
            }
            if (regions < 0 || regions > MaximumRegions)
            {
                throw new ArgumentOutOfRangeException(nameof(regions));
            }
            if ((tablePhysical & 0x7F) != 0)
            {
                throw new ArgumentException("a command table must be 128-byte aligned", nameof(tablePhysical));
            }
            Span<uint> words = header.Slice(0, DoubleWords);
            words.Clear();
            words[0] = (uint)fisDoubleWords | (write ? WriteBit : 0) | ((uint)regions << 16);
            words[1] = 0;
            words[2] = (uint)tablePhysical;
            words[3] = (uint)(tablePhysical >> 32);
        }

        /// <summary>DW1, PRDBC: the bytes the HBA moved for the command (updated when it is done).</summary>
        public static uint TransferredBytes(ReadOnlySpan<uint> header) => header[1];
    }
}
