using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "deathclient": the client of <see cref="PagerDeathScenario"/>. Touches <see cref="PagesBefore"/> pages of its test
    /// region, asks its pager to end (EndPager on slot 254), waits a little and touches the next page: with its pager gone
    /// the fault is not resolved and the kernel ends this task. Returning at all is a failure.
    /// </summary>
    internal static unsafe class PagerDeathClient
    {
        private const int PagesBefore = 8;

        public static int Run()
        {
            const string Mode = "pagerdeath: client";
            for (int page = 0; page < PagesBefore; page++)
            {
                *(ulong*)(Regions.TestRegion + (ulong)page * UserLayout.PageSize) = (ulong)page + 1;
            }
            Output.Line(Mode + ": touched " + PagesBefore.ToString() + " pages through its pager; asking the pager to end");
            IpcResult result = Ipc.Call(WellKnownSlots.Pager, Tags.Of(PagerControlProtocol.EndPager, 0));
            Kernel.Sleep(100_000_000);
            Output.Line(Mode + ": the pager answered " + Output.Error(result.Value) + "; touching a new page");
            *(ulong*)(Regions.TestRegion + PagesBefore * UserLayout.PageSize) = 1;
            Output.Line(Mode + ": FAILED: the page was mapped without a pager");
            return 1;
        }
    }
}
