using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "pagerb": level B of the chain (<see cref="PagerChain"/>). Its own pager is A (every fault of B, its pool's included,
    /// goes to A). It serves its client from a pool range of its own address space, touching each page before mapping it on,
    /// and forwards the client's Revoke requests to A with the pool pages behind the client's. Exits with 0 when the client
    /// exited with 0.
    /// </summary>
    internal static class PagerChainMiddle
    {
        public static int Run()
        {
            const string Mode = "chain: level B";
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                Output.Line(Mode + ": port: " + Output.Error(port));
                return 1;
            }
            PagePool pool = PagePool.FromTouch(Regions.PoolBase, Regions.PoolPages);
            SystemCallError error = FaultServer.Start((uint)port, pool, true, 0);
            long pagerRight = error == SystemCallError.None ? FaultServer.BadgedSendRight(PagerChain.ClientBadge) : (long)error;
            if (pagerRight < 0)
            {
                Output.Line(Mode + ": pager thread: " + Output.Error(pagerRight));
                return 1;
            }
            string failure = Spawning.Spawn("pagertest:client", (uint)pagerRight, PagerChain.ClientTaskSlot, out ulong client);
            if (failure == null)
            {
                Output.Line(Mode + " serves the client (task " + Kernel.FormatId(client) + ") from pages that fault to level A");
                failure = Spawning.Wait("the client", client);
            }
            Output.Line(Mode + " served " + FaultServer.Faults.ToString() + " faults of the client with " + pool.Taken.ToString() + " pages, "
                + FaultServer.Refaults.ToString() + " again after the revocation" + (failure == null ? "" : "; " + failure));
            return failure == null ? 0 : 1;
        }
    }
}
