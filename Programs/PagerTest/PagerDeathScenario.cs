using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "pagerdeath" (run=pagertest:pagerdeath+spawn): a pager dies under its client. pagertest makes the pager's port, starts
    /// the client ("pagertest:deathclient", <see cref="PagerDeathClient"/>) with a send right to it as pager and the pager
    /// ("pagertest:dyingpager", <see cref="DyingPager"/>), to which it moves the port's only receive right. The client touches
    /// pages, asks the pager to end, and touches a new page: that fault finds no pager, the kernel reports it and ends the
    /// client. Verdict: the pager exited with 0, the client ended by a fault, and this task (and the kernel) go on.
    /// </summary>
    internal static class PagerDeathScenario
    {
        public const uint PortSlotInPager = 200;
        public const ulong ClientBadge = 0xD;
        private const uint ClientTaskSlot = 43;
        private const uint PagerTaskSlot = 44;

        public static int Run()
        {
            const string Mode = "pagerdeath";
            long port = Capabilities.CreatePort();
            long pagerRight = port < 0 ? port : Capabilities.Mint((uint)port, 0, CapabilityRights.Send | CapabilityRights.Grant, ClientBadge);
            if (pagerRight < 0)
            {
                return Output.Verdict(Mode, "port: " + Output.Error(pagerRight));
            }
            string failure = Spawning.Spawn("pagertest:deathclient", (uint)pagerRight, ClientTaskSlot, out ulong client);
            if (failure != null)
            {
                return Output.Verdict(Mode, failure);
            }
            failure = Spawning.Spawn("pagertest:dyingpager", 0, PagerTaskSlot, out ulong pager);
            if (failure != null)
            {
                Kernel.KillTask(client);
                return Output.Verdict(Mode, failure);
            }
            long moved = Capabilities.Give(pager, (uint)port, PortSlotInPager, CapabilityRights.Receive | CapabilityRights.Send, true);
            if (moved < 0)
            {
                Kernel.KillTask(client);
                Kernel.KillTask(pager);
                return Output.Verdict(Mode, "moving the port's receive right to the pager: " + Output.Error(moved));
            }
            Output.Line(Mode + ": client task " + Kernel.FormatId(client) + " is paged by task " + Kernel.FormatId(pager) + ", which holds the port's only receive right");
            string pagerEnd = Spawning.Wait("the pager", pager);
            long code = Kernel.WaitTask(client, Spawning.WaitBound, out TaskEndReason reason);
            Output.Line(Mode + ": the pager " + (pagerEnd == null ? "exited with 0" : pagerEnd) + "; the client ended with code " + code.ToString()
                + " (" + Spawning.ReasonName(reason) + ")");
            if (pagerEnd != null)
            {
                failure = pagerEnd;
            }
            else if (reason != TaskEndReason.Faulted)
            {
                failure = "the client did not end by a fault";
            }
            long probe = Capabilities.CreatePort();
            Output.Line(Mode + ": still running after the client's end (a new port: " + (probe > 0 ? "slot " + probe.ToString() : Output.Error(probe)) + ")");
            return Output.Verdict(Mode, failure);
        }
    }
}
