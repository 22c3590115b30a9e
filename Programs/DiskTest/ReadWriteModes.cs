using Cosmos.Api.Devices;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>"read LBA COUNT" and "write LBA COUNT PATTERN" (COUNT up to the device's maximum per request).</summary>
    internal static class ReadWriteModes
    {
        private const int ShownBytes = 16;

        public static string Read(BlockDevice device, in BlockDeviceInformation information, ulong first, uint count)
        {
            if (count == 0 || count > information.MaximumSectorsPerRequest)
            {
                return "COUNT must be 1 to " + information.MaximumSectorsPerRequest.ToString();
            }
            byte[] data = new byte[(int)(count * information.SectorSize)];
            BlockDeviceStatus status = device.Read(first, count, information.SectorSize, data);
            if (status != BlockDeviceStatus.Ok)
            {
                return "read " + first.ToString() + "+" + count.ToString() + ": " + Output.StatusName(status);
            }
            Output.Line("read: lba=" + first.ToString() + " count=" + count.ToString() + " checksum=" + SectorChecksum.Compute(data, data.Length).ToString("x8")
                + " first=" + Output.Hex(data, data.Length < ShownBytes ? data.Length : ShownBytes));
            return null;
        }

        public static string Write(BlockDevice device, in BlockDeviceInformation information, ulong first, uint count, uint pattern)
        {
            if (count == 0 || count > information.MaximumSectorsPerRequest)
            {
                return "COUNT must be 1 to " + information.MaximumSectorsPerRequest.ToString();
            }
            uint size = information.SectorSize;
            byte[] data = new byte[(int)(count * size)];
            WritePattern.Fill(data, first, count, size, pattern);
            BlockDeviceStatus status = device.Write(first, count, size, data);
            if (status != BlockDeviceStatus.Ok)
            {
                return "write " + first.ToString() + "+" + count.ToString() + ": " + Output.StatusName(status);
            }
            status = device.Flush();
            if (status != BlockDeviceStatus.Ok)
            {
                return "flush: " + Output.StatusName(status);
            }
            byte[] back = new byte[data.Length];
            status = device.Read(first, count, size, back);
            if (status != BlockDeviceStatus.Ok)
            {
                return "read back: " + Output.StatusName(status);
            }
            for (int i = 0; i < data.Length; i++)
            {
                if (back[i] != data[i])
                {
                    return "read back differs at byte " + i.ToString() + " (sector " + (first + (ulong)(i / size)).ToString() + ")";
                }
            }
            Output.Line("write: lba=" + first.ToString() + " count=" + count.ToString() + " pattern=" + pattern.ToString()
                + " checksum=" + SectorChecksum.Compute(data, data.Length).ToString("x8") + " verified");
            return null;
        }
    }
}
