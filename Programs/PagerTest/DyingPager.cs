using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "dyingpager": the pager of <see cref="PagerDeathScenario"/>. Waits for the receive right pagertest moves into its slot
    /// <see cref="PagerDeathScenario.PortSlotInPager"/>, serves the client's faults from pages of its own heap, and ends its
    /// task when the client asks (EndPager), taking the port's last receive right with it.
    /// </summary>
    internal static class DyingPager
    {
        private const int PoolPages = 2048;

        public static int Run()
        {
            const string Mode = "pagerdeath: pager";
            uint slot = PagerDeathScenario.PortSlotInPager;
            int waited = 0;
            while (Capabilities.Information(slot, out _) != SystemCallError.None)
            {
                if (++waited > 10000)
                {
                    Output.Line(Mode + ": no port arrived in slot " + slot.ToString());
                    return 1;
                }
                Kernel.Sleep(1_000_000);
            }
            PagePool pool = PagePool.FromHeap(PoolPages);
            SystemCallError error = FaultServer.Start(slot, pool, false, 0);
            if (error != SystemCallError.None)
            {
                Output.Line(Mode + ": pager thread: " + Output.Error((long)error));
                return 1;
            }
            Output.Line(Mode + ": serving; it ends when its client asks");
            Kernel.Sleep(Spawning.WaitBound);
            Output.Line(Mode + ": was never asked to end");
            return 1;
        }
    }
}
