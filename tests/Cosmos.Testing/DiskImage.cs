using System;
using System.IO;

namespace Cosmos.Testing
{
    /// <summary>
    /// Raw disk images for tests that attach a disk (QEMU -drive format=raw): every 512-byte sector starts with its own
    /// number (32-bit little-endian), then bytes that depend on the sector and the offset, so a test can tell any sector
    /// and any misplaced byte apart.
    /// </summary>
    public static class DiskImage
    {
        public const int SectorSize = 512;

        /// <summary>Writes an image of <paramref name="sectors"/> numbered sectors to a new temporary file and returns its path.</summary>
        public static string CreateNumbered(int sectors)
        {
            string path = Path.Combine(Path.GetTempPath(), $"cosmos-disk-{Guid.NewGuid():N}.img");
            using FileStream file = File.Create(path);
            byte[] sector = new byte[SectorSize];
            for (int number = 0; number < sectors; number++)
            {
                FillSector(number, sector);
                file.Write(sector, 0, sector.Length);
            }
            return path;
        }

        /// <summary>The content <see cref="CreateNumbered"/> gives sector <paramref name="number"/>.</summary>
        public static void FillSector(int number, Span<byte> sector)
        {
            BitConverter.TryWriteBytes(sector, number);
            for (int offset = 4; offset < SectorSize; offset++)
            {
                sector[offset] = (byte)(number * 7 + offset);
            }
        }

        /// <summary>Reads sector <paramref name="number"/> of the image at <paramref name="path"/>.</summary>
        public static byte[] ReadSector(string path, long number)
        {
            using FileStream file = File.OpenRead(path);
            file.Seek(number * SectorSize, SeekOrigin.Begin);
            byte[] sector = new byte[SectorSize];
            file.ReadExactly(sector);
            return sector;
        }
    }
}
