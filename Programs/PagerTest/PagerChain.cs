using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "chain" (run=pagertest:chain+spawn+sigma0): the top of a three-level pager chain, sigma0 → A → B → program. A (this
    /// task) serves page faults from frames sigma0 gives it; it starts B ("pagertest:pagerb", <see cref="PagerChainMiddle"/>)
    /// through the loader with A's port as B's pager; B serves its client ("pagertest:client", <see cref="PagerChainClient"/>)
    /// from pool pages that fault to A. The client asks for its test pages to be revoked: B forwards the request with its
    /// pool pages behind them, and A unmaps its own pages behind those, which takes the client's mappings away two levels
    /// down. The client's next accesses fault to B again (and B's to A), and find their data. Verdict: B's and the client's
    /// exit codes, and the faults A saw again.
    /// </summary>
    internal static class PagerChain
    {
        public const ulong MiddleBadge = 0xB;
        public const ulong ClientBadge = 0xC;
        public const uint MiddleTaskSlot = 40;
        public const uint ClientTaskSlot = 41;

        public static int Run()
        {
            const string Mode = "chain";
            uint sigma0 = GivenCapabilitySlots.First;
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return Output.Verdict(Mode, "port: " + Output.Error(port));
            }
            PagePool pool = PagePool.FromSigma0(sigma0, Regions.PoolBase, Regions.PoolPages);
            SystemCallError error = FaultServer.Start((uint)port, pool, false, 0);
            if (error != SystemCallError.None)
            {
                return Output.Verdict(Mode, "pager thread: " + Output.Error((long)error));
            }
            long pagerRight = FaultServer.BadgedSendRight(MiddleBadge);
            if (pagerRight < 0)
            {
                return Output.Verdict(Mode, "badged send right: " + Output.Error(pagerRight));
            }
            string failure = Spawning.Spawn("pagertest:pagerb", (uint)pagerRight, MiddleTaskSlot, out ulong middle);
            if (failure != null)
            {
                return Output.Verdict(Mode, failure);
            }
            Output.Line(Mode + ": level A serves pager B (task " + Kernel.FormatId(middle) + ") from sigma0's frames");
            failure = Spawning.Wait("pager B", middle);
            Output.Line(Mode + ": level A served " + FaultServer.Faults.ToString() + " faults of B with " + pool.Taken.ToString()
                + " pages, " + FaultServer.Refaults.ToString() + " again after the revocation, " + FaultServer.Unresolved.ToString() + " unresolved"
                + (pool.LastSigma0Status != Cosmos.Api.Memory.Sigma0Status.Success ? ", sigma0: " + Sigma0StatusNames.Of(pool.LastSigma0Status) : ""));
            if (failure == null && FaultServer.Refaults < PagerChainClient.TestPages)
            {
                failure = "level A saw " + FaultServer.Refaults.ToString() + " faults again after the revocation, expected at least " + PagerChainClient.TestPages.ToString();
            }
            return Output.Verdict(Mode, failure);
        }
    }
}
