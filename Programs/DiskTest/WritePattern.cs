namespace Cosmos.Programs.DiskTest
{
    /// <summary>
    /// What "disktest write LBA COUNT PATTERN" writes: byte i of sector s is (s × 31 + i × 7 + PATTERN) mod 256, so every
    /// sector differs and the host can check the image file.
    /// </summary>
    internal static class WritePattern
    {
        public static byte ByteOf(ulong sector, int index, uint pattern) => (byte)(sector * 31 + (ulong)index * 7 + pattern);

        public static void Fill(byte[] data, ulong firstSector, uint count, uint sectorSize, uint pattern)
        {
            for (uint k = 0; k < count; k++)
            {
                int start = (int)(k * sectorSize);
                for (int i = 0; i < sectorSize; i++)
                {
                    data[start + i] = ByteOf(firstSector + k, i, pattern);
                }
            }
        }
    }
}
