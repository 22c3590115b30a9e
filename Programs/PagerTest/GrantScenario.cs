using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "grant" (run=pagertest:grant+spawn+sigma0): pagertest pages a granter ("pagertest:granter", <see cref="GrantClient"/>)
    /// from sigma0's frames. The granter writes a pattern into a page and grants it to its pager (a grant item in a
    /// Grant request on slot 254), which receives it in its grant window; then it reads the page again. The page must have
    /// moved: the granter's read faults (the pager sees a fault at a page it had served), and pagertest finds the pattern in
    /// its window, mapped there.
    /// </summary>
    internal static unsafe class GrantScenario
    {
        public const ulong GranterBadge = 0x6;
        public const uint GranterTaskSlot = 42;

        public static int Run()
        {
            const string Mode = "grant";
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return Output.Verdict(Mode, "port: " + Output.Error(port));
            }
            Flexpage.TryCreate(Regions.GrantWindow, Flexpage.MinimumSizeLog2, FlexpageRights.None, out Flexpage window);
            PagePool pool = PagePool.FromSigma0(GivenCapabilitySlots.First, Regions.PoolBase, Regions.PoolPages);
            SystemCallError error = FaultServer.Start((uint)port, pool, false, window.Word);
            long pagerRight = error == SystemCallError.None ? FaultServer.BadgedSendRight(GranterBadge) : (long)error;
            if (pagerRight < 0)
            {
                return Output.Verdict(Mode, "pager: " + Output.Error(pagerRight));
            }
            string failure = Spawning.Spawn("pagertest:granter", (uint)pagerRight, GranterTaskSlot, out ulong granter);
            if (failure != null)
            {
                return Output.Verdict(Mode, failure);
            }
            failure = Spawning.Wait("the granter", granter);
            long rights = AddressSpace.MappingOf(Regions.GrantWindow, out ulong frame);
            int wrong = 0;
            if (rights > 0)
            {
                ulong* words = (ulong*)Regions.GrantWindow;
                for (ulong word = 0; word < UserLayout.PageSize / sizeof(ulong); word++)
                {
                    if (words[word] != GrantClient.Pattern(word))
                    {
                        wrong++;
                    }
                }
            }
            Output.Line(Mode + ": pager saw " + FaultServer.Faults.ToString() + " faults, " + FaultServer.Refaults.ToString() + " at a page granted away; "
                + FaultServer.Grants.ToString() + " grant from " + Output.Hex(FaultServer.LastGrantedAddress) + "; window mapped with rights "
                + rights.ToString() + " (frame " + Output.Hex(frame) + "), " + wrong.ToString() + " words wrong");
            if (failure == null && FaultServer.Grants != 1)
            {
                failure = "the pager received " + FaultServer.Grants.ToString() + " grants";
            }
            if (failure == null && FaultServer.Refaults < 1)
            {
                failure = "the granter's access after the grant did not fault";
            }
            if (failure == null && (rights <= 0 || wrong != 0))
            {
                failure = "the granted page is not in the window with the granter's data";
            }
            return Output.Verdict(Mode, failure);
        }
    }
}
