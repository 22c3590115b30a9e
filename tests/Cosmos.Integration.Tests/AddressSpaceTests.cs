using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// Address spaces from ring 3, through pagertest's modes (Programs/PagerTest): a three-level pager chain with revocation
    /// from the top, a grant, 64 MiB of heap through the root task's region pager, a pager's death, mapping quotas, sigma0's
    /// refusals and the paging figures. pagertest starts its other parts through the root task's loader.
    /// </summary>
    public sealed class AddressSpaceTests
    {
        // Boots with RUNWORD, waits for every program, checks pagertest MODE's verdict and exit code.
        private static async Task<ProgramOutput> RunModeAsync(string mode, string suffixes, params string[] arguments)
        {
            string run = ProgramContract.Run("pagertest", new[] { mode }.Concat(arguments).ToArray()) + suffixes;
            await using Cosmos.Testing.QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            (_, Match verdict) = output.First(PagerTestContract.Verdict, $"pagertest {mode}'s verdict", match => match.Groups["mode"].Value == mode);
            output.Assert(verdict.Groups["verdict"].Value == "ok", $"pagertest {mode} reports: {verdict.Groups["verdict"].Value}");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
            return output;
        }

        [Fact]
        public async Task UnmappingAtTheTopOfAThreeLevelPagerChainRevokesTheProgramsPages()
        {
            ProgramOutput output = await RunModeAsync("chain", "+spawn+sigma0");
            (_, Match client) = output.First(PagerTestContract.ChainClient, "the chain client's report");
            long pages = ProgramContract.Number(client, "pages");
            output.Assert(pages > 0 && ProgramContract.Number(client, "revoked") == pages, "Level A did not revoke every page the client asked for.");
            output.Assert(ProgramContract.Number(client, "refaults") == pages, "The client's pager did not see one fault again per revoked page.");
            output.Assert(ProgramContract.Number(client, "wrong") == 0, "The client's pages lost their data across the revocation.");
            (_, Match top) = output.First(PagerTestContract.ChainTop, "level A's report");
            output.Assert(ProgramContract.Number(top, "refaults") >= pages, "Level A did not see pager B's pages fault again.");
        }

        [Fact]
        public async Task AGrantedPageLeavesTheGranterAndArrivesWithItsData()
        {
            ProgramOutput output = await RunModeAsync("grant", "+spawn+sigma0");
            (_, Match receiver) = output.First(PagerTestContract.GrantReceiver, "the grant receiver's report");
            output.Assert(ProgramContract.Number(receiver, "grants") == 1, "The pager did not receive exactly one grant.");
            output.Assert(ProgramContract.Number(receiver, "refaults") >= 1, "The granter's access after the grant did not reach its pager.");
            output.Assert(ProgramContract.Number(receiver, "wrong") == 0, "The granted page does not hold the granter's data.");
        }

        [Fact]
        public async Task SixtyFourMebibytesOfHeapComeFromTheRegionPagerIntact()
        {
            ProgramOutput output = await RunModeAsync("heap64", "");
            (_, Match heap) = output.First(PagerTestContract.HeapChecked, "heap64's check");
            output.Assert(ProgramContract.Number(heap, "mebibytes") == 64 && ProgramContract.Number(heap, "wrong") == 0, "The 64 MiB heap did not read back intact.");
            (_, Match after) = output.First(PagerTestContract.MemoryUse, "heap64's memory use after", match => match.Groups["what"].Value == "heap64: after");
            output.Assert(ProgramContract.Number(after, "used") >= 64 * 256, $"Only {after.Groups["used"].Value} pages are mapped after 64 MiB of heap.");
        }

        [Fact]
        public async Task AClientWhosePagerDiedEndsByAFaultAndTheSystemGoesOn()
        {
            ProgramOutput output = await RunModeAsync("pagerdeath", "+spawn");
            (_, Match end) = output.First(PagerTestContract.PagerDeathEnd, "pagerdeath's report of how the pager and the client ended");
            output.Assert(end.Groups["how"].Value == "fault", "The client did not end by a fault.");
            output.First(PagerTestContract.UnresolvedFault, "the kernel's report of the client's unresolved page fault");
            output.First(ProgramContract.UserFault, "the kernel's report that it ends the client", match => match.Groups["exception"].Value.Contains("page fault"));
        }

        [Fact]
        public async Task MappingBeyondAQuotaIsRefusedAndTheSystemGoesOn()
        {
            ProgramOutput output = await RunModeAsync("quota", "+spawn");
            (_, Match count) = output.First(PagerTestContract.QuotaCount, "quota's count of pages mapped");
            output.Assert(ProgramContract.Number(count, "mapped") == ProgramContract.Number(count, "limit"), "The pages mapped are not the quota's limit.");
            output.Assert(ProgramContract.Number(count, "code") == -26, "The map past the quota was not QuotaExceeded (-26).");
            output.First(PagerTestContract.MemoryUse, "the limited task's memory use", match => match.Groups["what"].Value == "quota: that task");
        }

        [Fact]
        public async Task Sigma0RefusesSecondGrabsNonRamAndDevicesOutsideTheCapability()
        {
            ProgramOutput output = await RunModeAsync("sigma0", "+sigma0+device=0xFED00000/12");
            output.Assert(output.All(PagerTestContract.Sigma0Line).Count >= 4, "sigma0 printed fewer answers than it asked for.");
        }

        [Fact]
        public async Task BenchPrintsThePagingFigures()
        {
            ProgramOutput output = await RunModeAsync("bench", "+spawn+sigma0", "200");
            var figures = output.All(PagerTestContract.Benchmark).ToDictionary(item => item.Match.Groups["name"].Value, item => item.Match);
            output.Assert(figures.ContainsKey("pagefault_pager") && ProgramContract.Number(figures["pagefault_pager"], "count") == 200, "pagertest bench should print pagefault_pager over 200 samples.");
            output.Assert(figures.ContainsKey("map_unmap_1m") && ProgramContract.Number(figures["map_unmap_1m"], "count") == 21, "pagertest bench should print map_unmap_1m over 21 samples.");
        }
    }
}
