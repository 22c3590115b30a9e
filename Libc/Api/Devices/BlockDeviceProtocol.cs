using System;

namespace Cosmos.Api.Devices
{
    /// <summary>
    /// The block-device protocol (disk drivers, registered as "disk0", "disk1", ...; docs/ARCHITECTURE.md, section 7).
    /// Every request is an IpcCall; the reply's label is a <see cref="BlockDeviceStatus"/>. Sector data travels as string
    /// items of at most 64 KiB each, in order (the kernel copies them; the requester's buffer must be mapped), so a request
    /// moves at most <see cref="MaximumTransferBytes"/> and the driver keeps no state about its clients: a client that ends
    /// mid-request loses nothing but its answer.
    /// <list type="bullet">
    /// <item><see cref="Information"/>: reply words 0 the sector count, 1 the sector size in bytes, 2 the most sectors one
    /// request may move, 3 the <see cref="BlockTransferMode"/>, 4-8 the model name (40 ASCII bytes, eight to a word as in
    /// <see cref="CharacterDeviceProtocol.PackBytes"/>, padded with spaces).</item>
    /// <item><see cref="Read"/>: words 0 the first sector (LBA), 1 the count (1 to the maximum). The client declares string
    /// receive buffers for count × sector size bytes, 64 KiB each but the last. Reply: word 0 the sectors read, then the
    /// string items.</item>
    /// <item><see cref="Write"/>: words 0 the first sector, 1 the count, then string items with exactly count × sector size
    /// bytes. Reply: word 0 the sectors written (the data has reached the device, or its write cache with <see cref="Flush"/> to follow).</item>
    /// <item><see cref="Flush"/>: reply when the device's write cache is on the medium.</item>
    /// </list>
    /// </summary>
    public static class BlockDeviceProtocol
    {
        public const uint Information = 1;
        public const uint Read = 2;
        public const uint Write = 3;
        public const uint Flush = 4;

        /// <summary>The largest string item the kernel carries.</summary>
        public const int StringItemBytes = 64 * 1024;

        /// <summary>The most string items of one request or reply (the UTCB's receive-buffer capacity).</summary>
        public const int MaximumStringItems = 8;

        /// <summary>The most bytes one request moves: 512 KiB.</summary>
        public const int MaximumTransferBytes = StringItemBytes * MaximumStringItems;

        /// <summary>Words of Information's reply.</summary>
        public const int InformationWordCount = 9;

        /// <summary>Bytes of the model name.</summary>
        public const int ModelBytes = 40;

        /// <summary>How many string items carry <paramref name="bytes"/>.</summary>
        public static int StringItemsFor(long bytes) => (int)((bytes + StringItemBytes - 1) / StringItemBytes);

        /// <summary>
        /// Checks a Read or Write request against a device of <paramref name="sectorCount"/> sectors of
        /// <paramref name="sectorSize"/> bytes that moves at most <paramref name="maximumSectors"/> per request.
        /// </summary>
        public static BlockDeviceStatus CheckRange(ulong firstSector, ulong count, ulong sectorCount, uint sectorSize, uint maximumSectors)
        {
            if (count == 0 || count > maximumSectors || count * sectorSize > MaximumTransferBytes)
            {
                return BlockDeviceStatus.TooLarge;
            }
            if (firstSector >= sectorCount || count > sectorCount - firstSector)
            {
                return BlockDeviceStatus.OutOfRange;
            }
            return BlockDeviceStatus.Ok;
        }

        /// <summary>Writes Information's reply words (model padded with spaces, cut at 40 bytes).</summary>
        public static void EncodeInformation(in BlockDeviceInformation information, Span<ulong> words)
        {
            words[0] = information.SectorCount;
            words[1] = information.SectorSize;
            words[2] = information.MaximumSectorsPerRequest;
            words[3] = (ulong)information.Mode;
            for (int i = 0; i < ModelBytes / 8; i++)
            {
                words[4 + i] = 0;
            }
            string model = information.Model ?? "";
            for (int i = 0; i < ModelBytes; i++)
            {
                char character = i < model.Length ? model[i] : ' ';
                byte value = character >= ' ' && character < (char)0x7F ? (byte)character : (byte)'?';
                words[4 + i / 8] |= (ulong)value << (8 * (i % 8));
            }
        }

        /// <summary>Reads Information's reply words; false when they do not describe a usable device (no sectors, a sector size that is not a power of two from 512 to 4096, no sectors per request).</summary>
        public static bool TryDecodeInformation(ReadOnlySpan<ulong> words, int wordCount, out BlockDeviceInformation information)
        {
            information = default;
            if (wordCount < InformationWordCount)
            {
                return false;
            }
            ulong size = words[1];
            if (words[0] == 0 || size < 512 || size > 4096 || (size & (size - 1)) != 0 || words[2] == 0 || words[2] > uint.MaxValue)
            {
                return false;
            }
            char[] model = new char[ModelBytes];
            int length = 0;
            for (int i = 0; i < ModelBytes; i++)
            {
                byte value = (byte)(words[4 + i / 8] >> (8 * (i % 8)));
                model[i] = value >= 0x20 && value < 0x7F ? (char)value : '?';
                if (value != (byte)' ')
                {
                    length = i + 1;
                }
            }
            information = new BlockDeviceInformation
            {
                SectorCount = words[0],
                SectorSize = (uint)size,
                MaximumSectorsPerRequest = (uint)words[2],
                Mode = (BlockTransferMode)words[3],
                Model = new string(model, 0, length),
            };
            return true;
        }
    }

    /// <summary>What a block device reports (<see cref="BlockDeviceProtocol.Information"/>).</summary>
    public struct BlockDeviceInformation
    {
        public ulong SectorCount;
        public uint SectorSize;
        public uint MaximumSectorsPerRequest;
        public BlockTransferMode Mode;
        public string Model;

        public ulong CapacityBytes => SectorCount * SectorSize;
    }

    /// <summary>How a disk driver moves data (Information's word 3).</summary>
    public enum BlockTransferMode : ulong
    {
        Unknown = 0,
        /// <summary>ATA programmed I/O, sector by sector through the data port (the fallback).</summary>
        AtaPio = 1,
        /// <summary>ATA bus-master DMA through the PIIX IDE controller.</summary>
        AtaBusMasterDma = 2,
        /// <summary>AHCI (SATA) with its own DMA.</summary>
        Ahci = 3,
    }

    /// <summary>The label of a block device's reply.</summary>
    public enum BlockDeviceStatus : uint
    {
        Ok = 0,
        /// <summary>The sectors are not all on the device.</summary>
        OutOfRange = 1,
        /// <summary>No sectors, more than the device's maximum per request, or more than 512 KiB.</summary>
        TooLarge = 2,
        /// <summary>The device reported an error or did not answer in time.</summary>
        DeviceError = 3,
        /// <summary>Wrong word or item count, or string items that do not match the count.</summary>
        MalformedRequest = 4,
        /// <summary>Another label.</summary>
        UnknownRequest = 5,
        /// <summary>The device refuses writes.</summary>
        ReadOnly = 6,
        /// <summary>Client side only: the IPC failed and the driver could not be found again.</summary>
        Unreachable = 0x100,
    }
}
