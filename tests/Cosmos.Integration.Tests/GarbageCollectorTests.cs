using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The ring-3 garbage collector, through gctest's modes (Programs/GarbageCollectorTest): bounded memory under garbage,
    /// cycles collected, conservative roots on deep stacks and on another thread's stack, arrays of structs with
    /// references, GCHandles, a million checked allocations, and the GCDesc layout ilc really emits.
    /// </summary>
    public sealed class GarbageCollectorTests
    {
        // Boots with "run=gctest:MODE", waits for every program to end and checks gctest's verdict and exit code.
        private static async Task<ProgramOutput> RunModeAsync(string mode)
        {
            string run = ProgramContract.Run("gctest", mode);
            await using QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            (_, Match result) = output.First(GarbageCollectorContract.Result, $"gctest {mode}'s verdict", match => match.Groups["mode"].Value == mode);
            output.Assert(result.Groups["verdict"].Value == "ok", $"gctest {mode} reports: {result.Groups["verdict"].Value}");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
            return output;
        }

        [Fact]
        public async Task TheCollectorReadsTheReferenceFieldsIlcDescribesForClassesArraysAndStructArrays()
        {
            ProgramOutput output = await RunModeAsync("descriptors");
            output.Assert(output.Lines.Count(line => line.Text.StartsWith("gctest descriptor ", System.StringComparison.Ordinal)) >= 8, "gctest descriptors should print each type's descriptor.");
        }

        [Fact]
        public async Task TwentyTimesTheOldHeapSizeInShortLivedGarbageRunsInBoundedMemory()
        {
            ProgramOutput output = await RunModeAsync("garbage");
            (_, Match garbage) = output.First(GarbageCollectorContract.Garbage, "gctest garbage's figures");
            long allocatedMiB = ProgramContract.Number(garbage, "allocated");
            long peakHeapKiB = ProgramContract.Number(garbage, "peakHeap");
            output.Assert(allocatedMiB >= 80, $"gctest garbage allocated {allocatedMiB} MiB; expected at least 80 (20 × 4 MiB).");
            output.Assert(ProgramContract.Number(garbage, "collections") >= 5, "fewer than 5 collections ran while 80 MiB were allocated.");
            output.Assert(peakHeapKiB <= 24 * 1024, $"the heap grew to {peakHeapKiB} KiB; it should stay under 24 MiB with a 4 MiB collection budget.");
        }

        [Fact]
        public async Task UnreachableCyclicGraphsAreCollected()
        {
            ProgramOutput output = await RunModeAsync("cycles");
            (_, Match cycles) = output.First(GarbageCollectorContract.Cycles, "gctest cycles' figures");
            long baseline = ProgramContract.Number(cycles, "baseline");
            long withRings = ProgramContract.Number(cycles, "withRings");
            long after = ProgramContract.Number(cycles, "after");
            output.Assert(withRings - baseline > 1_000_000, $"the rings took {withRings - baseline} bytes; expected about 2 MB.");
            output.Assert((after - baseline) * 20 <= withRings - baseline, $"{after - baseline} of {withRings - baseline} bytes of unreachable rings survived a full collection.");
        }

        [Fact]
        public async Task ObjectsHeldOnlyByLocalsOfADeepCallChainSurviveCollectionsAtItsBottom()
        {
            ProgramOutput output = await RunModeAsync("deep");
            (_, Match deep) = output.First(GarbageCollectorContract.Deep, "gctest deep's figures");
            output.Assert(ProgramContract.Number(deep, "damaged") == 0, "objects of some frames were damaged.");
            output.Assert(ProgramContract.Number(deep, "collections") >= 3, "fewer than 3 collections ran at the bottom of the chain.");
        }

        [Fact]
        public async Task AMillionMixedAllocationsKeepTheirContentWhileTheCollectorRuns()
        {
            ProgramOutput output = await RunModeAsync("stress");
            (_, Match stress) = output.First(GarbageCollectorContract.Stress, "gctest stress' figures");
            output.Assert(ProgramContract.Number(stress, "allocations") == 1_000_000, "gctest stress should make a million allocations.");
            output.Assert(ProgramContract.Number(stress, "collections") >= 10, "fewer than 10 collections ran during the stress.");
        }

        [Fact]
        public async Task ObjectsHeldOnlyByAnotherThreadsStackSurvive()
        {
            ProgramOutput output = await RunModeAsync("threads");
            (_, Match threads) = output.First(GarbageCollectorContract.Threads, "gctest threads' figures");
            output.Assert(ProgramContract.Number(threads, "collections") >= 6, "the first thread should have forced 6 collections.");
        }

        [Fact]
        public async Task ArraysOfStructsWithReferencesKeepTheirObjects()
        {
            ProgramOutput output = await RunModeAsync("structs");
            (_, Match structs) = output.First(GarbageCollectorContract.Structs, "gctest structs' figures");
            output.Assert(ProgramContract.Number(structs, "collections") >= 3, "fewer than 3 collections ran while the struct arrays were live.");
        }

        [Fact]
        public async Task NormalAndPinnedHandlesKeepTheirObjectsAndWeakHandlesLetGo()
        {
            ProgramOutput output = await RunModeAsync("handles");
            (_, Match handles) = output.First(GarbageCollectorContract.Handles, "gctest handles' figures");
            output.Assert(ProgramContract.Number(handles, "collections") >= 1, "no collection ran while the handles were held.");
            output.Assert(handles.Groups["freed"].Value == "yes", "a freed GCHandle still reads as allocated.");
        }

        [Fact]
        public async Task TheBenchModePrintsAllocationAndPauseFigures()
        {
            string run = ProgramContract.Run("gctest", "bench");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            var figures = output.All(GarbageCollectorContract.Benchmark).ToDictionary(item => item.Match.Groups["name"].Value, item => item.Match);
            output.Assert(figures.ContainsKey("alloc_small") && figures["alloc_small"].Groups["unit"].Value == "ns", "gctest bench should print alloc_small in ns.");
            output.Assert(figures.ContainsKey("gc_pause") && figures["gc_pause"].Groups["unit"].Value == "ms", "gctest bench should print gc_pause in ms.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }
    }
}
