using System.Runtime;
using Internal.Runtime;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Entry point of pagertest: the first argument picks the mode. Scenarios: chain, grant, heap64, pagerdeath, quota,
    /// sigma0, bench (each ends with "pagertest: MODE: ok" or "pagertest: MODE: FAILED: reason" and exits 0 only on
    /// success). Parts the scenarios start through the loader: pagerb and client (chain), granter (grant), dyingpager and
    /// deathclient (pagerdeath), benchclient (bench).
    /// </summary>
    internal static class PagerTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "";
            switch (mode)
            {
                case "chain": return PagerChain.Run();
                case "pagerb": return PagerChainMiddle.Run();
                case "client": return PagerChainClient.Run();
                case "grant": return GrantScenario.Run();
                case "granter": return GrantClient.Run();
                case "heap64": return HeapScenario.Run(arguments);
                case "pagerdeath": return PagerDeathScenario.Run();
                case "dyingpager": return DyingPager.Run();
                case "deathclient": return PagerDeathClient.Run();
                case "quota": return QuotaScenario.Run();
                case "sigma0": return Sigma0Scenario.Run();
                case "bench": return PagerBenchmarks.Run(arguments);
                case "benchclient": return BenchmarkClient.Run(arguments);
                default:
                    Output.Line("unknown mode \"" + mode + "\" (modes: chain grant heap64 pagerdeath quota sigma0 bench)");
                    return 2;
            }
        }
    }
}
