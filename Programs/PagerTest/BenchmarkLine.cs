using Cosmos.Api;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>One benchmark figure in the project's line format ("bench NAME median=… unit=ns cycles=…"), from TSC samples.</summary>
    internal static unsafe class BenchmarkLine
    {
        public static void Print(string name, double[] cycles, int samples)
        {
            double nanosecondsPerCycle = 1e9 / Kernel.Information->TimestampFrequencyHz;
            double[] nanoseconds = new double[samples];
            for (int sample = 0; sample < samples; sample++)
            {
                nanoseconds[sample] = cycles[sample] * nanosecondsPerCycle;
            }
            BenchmarkSummary time = BenchmarkStatistics.Summarize(nanoseconds, samples);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, samples);
            Kernel.DebugWrite(BenchmarkStatistics.FormatLine(name, in time, "ns", cycleSummary.Median) + "\n");
        }
    }
}
