using System;

namespace Cosmos.Drivers.Disk.Ide
{
    /// <summary>
    /// What the driver uses of the 256 words an ATA device answers IDENTIFY DEVICE with: the model (words 27-46, two
    /// ASCII characters a word, the first in the high byte), LBA48 support (word 83 bit 10) and its sector count (words
    /// 100-103), the LBA28 sector count (words 60-61), DMA support (word 49 bit 8) and the logical sector size (word 106:
    /// bit 14 set and bit 15 clear make it valid; bit 12 says words 117-118 hold the size in words). Pure.
    /// </summary>
    internal struct IdentifyData
    {
        public const int WordCount = 256;
        public const int DefaultSectorSize = 512;

        public string Model;
        public bool SupportsLba48;
        public bool SupportsDma;
        public ulong SectorCount;
        public uint SectorSize;

        /// <summary>False when fewer than 256 words are given or the device reports no sectors.</summary>
        public static bool TryParse(ReadOnlySpan<ushort> words, out IdentifyData data)
        {
            data = default;
            if (words.Length < WordCount)
            {
                return false;
            }
            data.Model = ReadString(words, 27, 20);
            data.SupportsDma = (words[49] & (1 << 8)) != 0;
            // Word 83 is valid when bit 14 is set and bit 15 clear.
            bool commandSetsValid = (words[83] & 0xC000) == 0x4000;
            data.SupportsLba48 = commandSetsValid && (words[83] & (1 << 10)) != 0;
            ulong lba28 = words[60] | (ulong)words[61] << 16;
            ulong lba48 = words[100] | (ulong)words[101] << 16 | (ulong)words[102] << 32 | (ulong)words[103] << 48;
            data.SectorCount = data.SupportsLba48 && lba48 != 0 ? lba48 : lba28;
            data.SectorSize = DefaultSectorSize;
            if ((words[106] & 0xC000) == 0x4000 && (words[106] & (1 << 12)) != 0)
            {
                uint sizeInWords = words[117] | (uint)words[118] << 16;
                if (sizeInWords >= 256 && sizeInWords <= 2048)
                {
                    data.SectorSize = sizeInWords * 2;
                }
            }
            return data.SectorCount != 0;
        }

        /// <summary>An ATA string: <paramref name="count"/> words from <paramref name="first"/>, high byte first, trailing spaces cut.</summary>
        public static string ReadString(ReadOnlySpan<ushort> words, int first, int count)
        {
            char[] characters = new char[count * 2];
            int length = 0;
            for (int i = 0; i < count * 2; i++)
            {
                ushort word = words[first + i / 2];
                byte value = (i & 1) == 0 ? (byte)(word >> 8) : (byte)word;
                char character = value >= 0x20 && value < 0x7F ? (char)value : ' ';
                characters[i] = character;
                if (character != ' ')
                {
                    length = i + 1;
                }
            }
            int start = 0;
            while (start < length && characters[start] == ' ')
            {
                start++;
            }
            return new string(characters, start, length - start);
        }
    }
}
