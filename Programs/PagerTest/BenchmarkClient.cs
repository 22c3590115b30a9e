using Cosmos.Api;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "benchclient [N]": the client of pagefault_pager (<see cref="PagerBenchmarks"/>). Touches N fresh pages of its test
    /// region, one write each; every write is a page fault served by its pager (a user-level pager in pagertest), timed
    /// from before the write to after it with the TSC.
    /// </summary>
    internal static unsafe class BenchmarkClient
    {
        public static int Run(string[] arguments)
        {
            int samples = Output.Number(arguments, 2, PagerBenchmarks.DefaultSamples);
            double[] cycles = new double[samples];
            for (int sample = 0; sample < samples; sample++)
            {
                cycles[sample] = 0; // the samples' own pages are faulted in before the measurement
            }
            ulong wrong = 0;
            for (int sample = 0; sample < samples; sample++)
            {
                ulong* page = (ulong*)(Regions.TestRegion + (ulong)sample * UserLayout.PageSize);
                ulong start = SystemCall.ReadTimestampCounter();
                *page = (ulong)sample + 1;
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                cycles[sample] = elapsed;
            }
            for (int sample = 0; sample < samples; sample++)
            {
                if (*(ulong*)(Regions.TestRegion + (ulong)sample * UserLayout.PageSize) != (ulong)sample + 1)
                {
                    wrong++;
                }
            }
            BenchmarkLine.Print("pagefault_pager", cycles, samples);
            Output.Line("benchclient: " + samples.ToString() + " pages touched, " + wrong.ToString() + " read back wrong");
            return wrong == 0 ? 0 : 1;
        }
    }
}
