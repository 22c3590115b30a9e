using Cosmos.Api;
using Cosmos.Api.Devices;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>
    /// "bench": reads the first 16 MiB (or the whole disk if smaller) sequentially in requests of the device's maximum
    /// (512 KiB), <see cref="Rounds"/> times after one warm-up round; each round is one sample in MB/s (10^6 bytes per
    /// second). Prints "bench disk_read_seq median=V mean=V stddev=V n=N unit=MB/s" and the median time per request.
    /// </summary>
    internal static class BenchMode
    {
        public const int Rounds = 8;
        private const long SpanBytes = 16L * 1024 * 1024;

        public static string Run(BlockDevice device, in BlockDeviceInformation information)
        {
            uint size = information.SectorSize;
            uint perRequest = information.MaximumSectorsPerRequest;
            if ((long)perRequest * size > BlockDeviceProtocol.MaximumTransferBytes)
            {
                perRequest = (uint)(BlockDeviceProtocol.MaximumTransferBytes / size);
            }
            ulong sectors = (ulong)(SpanBytes / size);
            if (sectors > information.SectorCount)
            {
                sectors = information.SectorCount;
            }
            byte[] data = new byte[(int)(perRequest * size)];
            double[] samples = new double[Rounds];
            double[] requestTimes = new double[Rounds];
            int requests = 0;
            for (int round = -1; round < Rounds; round++)
            {
                ulong start = Kernel.Uptime();
                requests = 0;
                for (ulong sector = 0; sector < sectors; sector += perRequest)
                {
                    uint count = sectors - sector < perRequest ? (uint)(sectors - sector) : perRequest;
                    BlockDeviceStatus status = device.Read(sector, count, size, data);
                    if (status != BlockDeviceStatus.Ok)
                    {
                        return "read " + sector.ToString() + "+" + count.ToString() + ": " + Output.StatusName(status);
                    }
                    requests++;
                }
                ulong elapsed = Kernel.Uptime() - start;
                if (round >= 0)
                {
                    samples[round] = elapsed == 0 ? 0 : (double)(sectors * size) * 1000.0 / elapsed;
                    requestTimes[round] = (double)elapsed / requests / 1000.0;
                }
            }
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, Rounds);
            BenchmarkSummary perRequestSummary = BenchmarkStatistics.Summarize(requestTimes, Rounds);
            Output.Line("bench: " + (sectors * size / 1024).ToString() + " KiB per round in " + requests.ToString() + " requests of "
                + ((long)perRequest * size / 1024).ToString() + " KiB, median " + perRequestSummary.Median.ToString("F1") + " us per request");
            Kernel.DebugWrite(BenchmarkStatistics.FormatLine("disk_read_seq", summary, "MB/s") + "\n");
            return null;
        }
    }
}
