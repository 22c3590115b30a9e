using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "gone": a server in another task that takes a call and ends its task before answering (the vanish peer), and one
    /// that takes a call and is killed while it holds it (the hold peer, killed by a second thread of ipctest after
    /// 50 ms): in both cases the caller's IpcCall returns PartnerGone instead of waiting for ever. Calls to the dead
    /// server's port then time out (nobody receives).
    /// </summary>
    internal static unsafe class PartnerGone
    {
        private const ulong KillDelay = 50_000_000;
        private const ulong CallBound = 10_000_000_000;

        private static ulong s_taskToKill;

        public static int Run()
        {
            Checks checks = new Checks("gone");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("create_port", port))
            {
                return checks.Verdict();
            }
            SystemCallError error = PeerTask.StartWithPort(PeerProgram.Vanish, (uint)port, CapabilityRights.Receive, 0, 0, out PeerTask vanishing);
            if (checks.Error("vanish_peer_started", (long)error, SystemCallError.None))
            {
                IpcResult result = Ipc.Call((uint)port, Tags.Of(1, 2), CallBound);
                checks.Error("server_ends_before_replying", result.Value, SystemCallError.PartnerGone);
                long code = vanishing.Wait(CallBound, out TaskEndReason reason);
                checks.True("vanish_peer_took_the_call", reason == TaskEndReason.Exited && code == 0, "peer ended with " + Output.Error(code));
                vanishing.End();
            }
            checks.Error("port_without_receiver_times_out", Ipc.Call((uint)port, Tags.Of(1, 0), IpcTimeout.Poll).Value, SystemCallError.TimedOut);
            Capabilities.Delete((uint)port);

            port = Capabilities.CreatePort();
            error = PeerTask.StartWithPort(PeerProgram.Hold, (uint)port, CapabilityRights.Receive, 0, 0, out PeerTask holding);
            if (checks.Error("hold_peer_started", (long)error, SystemCallError.None))
            {
                s_taskToKill = holding.TaskId;
                delegate*<ulong, ulong, void> entry = &KillLater;
                checks.Succeeded("start_killer", LocalThreads.Start(entry, 0));
                ulong start = Kernel.Uptime();
                IpcResult result = Ipc.Call((uint)port, Tags.Of(2, 0), CallBound);
                ulong elapsed = Kernel.Uptime() - start;
                checks.Error("server_killed_mid_call", result.Value, SystemCallError.PartnerGone);
                checks.True("caller_waited_for_the_kill", elapsed >= KillDelay, "returned after " + (elapsed / 1000000).ToString() + " ms");
                holding.End();
            }
            Capabilities.Delete((uint)port);
            return checks.Verdict();
        }

        private static void KillLater(ulong argument, ulong utcb)
        {
            Kernel.Sleep(KillDelay);
            Kernel.KillTask(s_taskToKill);
            Kernel.ExitThread(0);
        }
    }
}
