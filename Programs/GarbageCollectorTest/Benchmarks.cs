using System;
using Cosmos.Api;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// "bench": the collector's benchmarks in the `bench` line format of ./build.sh bench. alloc_small: ns per allocation
    /// of a 32-byte object (header, MethodTable, two longs), each sample a batch of 1000, amortising the collections that
    /// the volume triggers. gc_pause: ms for a full collection of a 16 MiB heap of which half is live.
    /// </summary>
    internal static unsafe class Benchmarks
    {
        private const int AllocationSamples = 4000;
        private const int AllocationsPerSample = 1000;
        private const int PauseSamples = 10;
        private const long HeapBytes = 16L * 1024 * 1024;

        private sealed class Small
        {
            public long First;
            public long Second;
        }

        private sealed class Cell
        {
            public Cell Left;
            public Cell Right;
            public long A;
            public long B;
            public long C;
            public long D;
        }

        // Where allocations escape to, so the compiler cannot place them on the stack.
        private static object s_sink;

        public static int Run()
        {
            double nanosecondsPerCycle = 1e9 / Kernel.Information->TimestampFrequencyHz;
            AllocateSmall(nanosecondsPerCycle);
            CollectionPause(nanosecondsPerCycle);
            Output.Line("bench: done");
            return 0;
        }

        private static void AllocateSmall(double nanosecondsPerCycle)
        {
            double[] nanoseconds = new double[AllocationSamples];
            double[] cycles = new double[AllocationSamples];
            GarbageCollectorStatistics before = GC.GetStatistics();
            for (int sample = 0; sample < AllocationSamples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                for (int i = 0; i < AllocationsPerSample; i++)
                {
                    s_sink = new Small();
                }
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                cycles[sample] = (double)elapsed / AllocationsPerSample;
                nanoseconds[sample] = cycles[sample] * nanosecondsPerCycle;
            }
            GarbageCollectorStatistics after = GC.GetStatistics();
            BenchmarkSummary time = BenchmarkStatistics.Summarize(nanoseconds, nanoseconds.Length);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, cycles.Length);
            Kernel.DebugWrite(BenchmarkStatistics.FormatLine("alloc_small", in time, "ns", cycleSummary.Median) + "\n");
            Output.Line("bench alloc_small: collections=" + (after.Collections - before.Collections).ToString() + " allocations=" + ((long)AllocationSamples * AllocationsPerSample).ToString());
        }

        private static void CollectionPause(double nanosecondsPerCycle)
        {
            int cellSize = 64;
            int liveCells = (int)(HeapBytes / 2 / cellSize);
            Cell[] live = new Cell[liveCells];
            for (int i = 0; i < liveCells; i++)
            {
                Cell cell = new Cell();
                cell.A = i;
                cell.Left = i > 0 ? live[i - 1] : null;
                live[i] = cell;
            }
            GC.Collect();
            double[] milliseconds = new double[PauseSamples];
            double[] cycles = new double[PauseSamples];
            ulong heapBytes = 0;
            ulong liveBytes = 0;
            for (int sample = 0; sample < PauseSamples; sample++)
            {
                for (int i = 0; i < liveCells; i++)
                {
                    s_sink = new Cell();
                }
                s_sink = null;
                GarbageCollectorStatistics before = GC.GetStatistics();
                heapBytes = before.HeapBytes;
                ulong start = SystemCall.ReadTimestampCounter();
                GC.Collect();
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                liveBytes = GC.GetStatistics().LiveBytesAfterLastCollection;
                cycles[sample] = elapsed;
                milliseconds[sample] = elapsed * nanosecondsPerCycle / 1e6;
            }
            GC.KeepAlive(live);
            BenchmarkSummary time = BenchmarkStatistics.Summarize(milliseconds, milliseconds.Length);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, cycles.Length);
            Kernel.DebugWrite(BenchmarkStatistics.FormatLine("gc_pause", in time, "ms", cycleSummary.Median) + "\n");
            Output.Line("bench gc_pause: heap_before=" + (heapBytes >> 10).ToString() + "KiB live=" + (liveBytes >> 10).ToString() + "KiB");
        }
    }
}
