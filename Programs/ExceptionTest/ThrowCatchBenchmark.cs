using System;
using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>
    /// "bench": throw_catch, the time from `throw` to the catch handler 10 frames up (both passes, the ten frames
    /// unwound twice, the catch funclet and the resume), in the `bench` line format of ./build.sh bench. TSC in ring 3.
    /// </summary>
    internal static class ThrowCatchBenchmark
    {
        private const int Samples = 2000;
        private const int WarmUp = 100;
        private const int Depth = 10;

        private static readonly TestException s_exception = new TestException("bench");

        public static unsafe int Run()
        {
            double nanosecondsPerCycle = 1e9 / Kernel.Information->TimestampFrequencyHz;
            for (int i = 0; i < WarmUp; i++)
            {
                ThrowAndCatch();
            }
            double[] nanoseconds = new double[Samples];
            double[] cycles = new double[Samples];
            for (int sample = 0; sample < Samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                ThrowAndCatch();
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                cycles[sample] = elapsed;
                nanoseconds[sample] = elapsed * nanosecondsPerCycle;
            }
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(nanoseconds, Samples);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, Samples);
            Output.Line(BenchmarkStatistics.FormatLine("throw_catch", summary, "ns", cycleSummary.Median));
            Output.Line("ehtest bench: done");
            return 0;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowAndCatch()
        {
            try
            {
                Recurse(1);
            }
            catch (TestException)
            {
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Recurse(int depth)
        {
            if (depth == Depth)
            {
                throw s_exception;
            }
            return Recurse(depth + 1) + 1;
        }
    }
}
