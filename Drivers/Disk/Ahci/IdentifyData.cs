using System;

namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>
    /// What the driver takes from IDENTIFY DEVICE's 256 words (ATA8-ACS, table "IDENTIFY DEVICE data"): model and serial
    /// (ASCII, two characters per word, the first in the high byte), capacity (48-bit count in words 100-103 when word 83
    /// bit 10 says the 48-bit feature set is there, else the 28-bit count in words 60-61), logical sector size (words
    /// 106 and 117-118) and the cache commands.
    /// </summary>
    internal readonly struct IdentifyData
    {
        public const int Words = 256;
        public const int Bytes = Words * 2;
        public const uint DefaultSectorSize = 512;

        public readonly string Model;
        public readonly string Serial;
        public readonly ulong SectorCount;
        public readonly uint SectorSize;
        public readonly bool Lba48;
        public readonly bool FlushCacheExtended;

        private IdentifyData(string model, string serial, ulong sectorCount, uint sectorSize, bool lba48, bool flushCacheExtended)
        {
            Model = model;
            Serial = serial;
            SectorCount = sectorCount;
            SectorSize = sectorSize;
            Lba48 = lba48;
            FlushCacheExtended = flushCacheExtended;
        }

        /// <summary>Reads the 512 bytes of IDENTIFY DEVICE data (little-endian words) in <paramref name="data"/>.</summary>
        public static IdentifyData Parse(ReadOnlySpan<byte> data)
        {
            if (data.Length < Bytes)
            {
                throw new ArgumentException("IDENTIFY data is 512 bytes", nameof(data));
            }
            ushort capabilities = Word(data, 49);
            ushort commandSets = Word(data, 83);
            // Word 83 is valid only when bit 14 is set and bit 15 clear.
            bool commandSetsValid = (commandSets & 0xC000) == 0x4000;
            bool lba48 = commandSetsValid && (commandSets & (1 << 10)) != 0;
            ulong sectors;
            if (lba48)
            {
                sectors = Word(data, 100) | (ulong)Word(data, 101) << 16 | (ulong)Word(data, 102) << 32 | (ulong)Word(data, 103) << 48;
            }
            else if ((capabilities & (1 << 9)) != 0)
            {
                sectors = Word(data, 60) | (ulong)Word(data, 61) << 16;
            }
            else
            {
                sectors = 0;
            }
            bool flushExtended = commandSetsValid && (commandSets & (1 << 13)) != 0;

            uint sectorSize = DefaultSectorSize;
            ushort sectorInformation = Word(data, 106);
            if ((sectorInformation & 0xC000) == 0x4000 && (sectorInformation & (1 << 12)) != 0)
            {
                uint words = Word(data, 117) | (uint)Word(data, 118) << 16;
                sectorSize = words * 2;
            }

            return new IdentifyData(Text(data, 27, 20), Text(data, 10, 10), sectors, sectorSize, lba48, flushExtended);
        }

        /// <summary>Word <paramref name="index"/> of the data.</summary>
        public static ushort Word(ReadOnlySpan<byte> data, int index) => (ushort)(data[index * 2] | data[index * 2 + 1] << 8);

        // An ATA string: wordCount words from firstWord, each holding two characters with the first in the high byte;
        // padded with spaces, which are trimmed (as are NULs and characters outside printable ASCII, shown as '?').
        private static string Text(ReadOnlySpan<byte> data, int firstWord, int wordCount)
        {
            char[] characters = new char[wordCount * 2];
            for (int i = 0; i < wordCount; i++)
            {
                ushort word = Word(data, firstWord + i);
                characters[i * 2] = Printable((byte)(word >> 8));
                characters[i * 2 + 1] = Printable((byte)word);
            }
            int start = 0;
            int end = characters.Length;
            while (start < end && characters[start] == ' ')
            {
                start++;
            }
            while (end > start && characters[end - 1] == ' ')
            {
                end--;
            }
            return new string(characters, start, end - start);
        }

        private static char Printable(byte value) => value == 0 ? ' ' : value >= 0x20 && value < 0x7F ? (char)value : '?';
    }
}
