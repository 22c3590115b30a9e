using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "bench [N]" (run=pagertest:bench+spawn+sigma0): the paging figures in the bench line format (./build.sh bench).
    /// map_unmap_1m: 1 MiB of pagertest's own pages (a sigma0 block, one 2^20 flexpage) mapped into a child task it controls
    /// with MemoryMap and taken back with MemoryUnmap (recursive), one pair per sample, N / 10 samples.
    /// pagefault_pager: the client "pagertest:benchclient:N" (<see cref="BenchmarkClient"/>) touches N fresh pages, each a
    /// fault → pagertest's pager thread → map reply → the instruction again, timed in the client.
    /// </summary>
    internal static unsafe class PagerBenchmarks
    {
        public const int DefaultSamples = 2000;
        public const ulong ClientBadge = 0xBE;
        private const uint ClientTaskSlot = 45;
        private const int WarmUp = 10;
        private const int MegabyteLog2 = 20;

        public static int Run(string[] arguments)
        {
            const string Mode = "bench";
            int samples = Output.Number(arguments, 2, DefaultSamples);
            uint sigma0 = GivenCapabilitySlots.First;
            PagePool pool = PagePool.FromSigma0(sigma0, Regions.PoolBase, Regions.PoolPages);
            // The first block is the map/unmap source; the pager serves faults from the blocks after it.
            if (!pool.Reserve((ulong)samples + 4096))
            {
                return Output.Verdict(Mode, "sigma0 gave no pool: " + Sigma0StatusNames.Of(pool.LastSigma0Status));
            }
            string failure = MapUnmap(pool.Base, samples / 10 + 1);
            for (ulong page = 0; page < (1UL << MegabyteLog2) / UserLayout.PageSize; page++)
            {
                pool.Take();
            }
            if (failure == null)
            {
                failure = PageFaults(pool, samples);
            }
            return Output.Verdict(Mode, failure);
        }

        private static string MapUnmap(ulong source, int samples)
        {
            byte* name = stackalloc byte[8];
            name[0] = (byte)'m';
            name[1] = (byte)'a';
            name[2] = (byte)'p';
            long child = Kernel.CreateTask(name, 3, 10, 10, out _);
            if (child < 0)
            {
                return "task create: " + Output.Error(child);
            }
            string failure = null;
            SystemCallError quota = AddressSpace.SetMemoryQuota((ulong)child, 1024, 64);
            if (quota != SystemCallError.None)
            {
                failure = "quota: " + Output.Error((long)quota);
            }
            Flexpage.TryCreate(source, MegabyteLog2, FlexpageRights.Read | FlexpageRights.Write, out Flexpage megabyte);
            double[] cycles = new double[samples];
            for (int sample = -WarmUp; failure == null && sample < samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                long mapped = AddressSpace.Map((ulong)child, megabyte, Regions.ChildDestination);
                SystemCallError unmapped = AddressSpace.Unmap(megabyte);
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                if (mapped != 256 || unmapped != SystemCallError.None)
                {
                    failure = "map_unmap_1m: map " + Output.Error(mapped) + ", unmap " + Output.Error((long)unmapped);
                }
                else if (sample >= 0)
                {
                    cycles[sample] = elapsed;
                }
            }
            if (failure == null)
            {
                BenchmarkLine.Print("map_unmap_1m", cycles, samples);
            }
            Kernel.KillTask((ulong)child);
            Kernel.WaitTask((ulong)child, Spawning.WaitBound, out _);
            return failure;
        }

        private static string PageFaults(PagePool pool, int samples)
        {
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return "port: " + Output.Error(port);
            }
            SystemCallError error = FaultServer.Start((uint)port, pool, false, 0);
            long pagerRight = error == SystemCallError.None ? FaultServer.BadgedSendRight(ClientBadge) : (long)error;
            if (pagerRight < 0)
            {
                return "pager: " + Output.Error(pagerRight);
            }
            string failure = Spawning.Spawn("pagertest:benchclient:" + samples.ToString(), (uint)pagerRight, ClientTaskSlot, out ulong client);
            if (failure == null)
            {
                failure = Spawning.Wait("the benchmark client", client);
            }
            Output.Line("bench: the pager served " + FaultServer.Faults.ToString() + " faults, " + FaultServer.Unresolved.ToString() + " unresolved");
            return failure;
        }
    }
}
