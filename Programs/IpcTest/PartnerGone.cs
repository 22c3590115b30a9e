using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "gone": a server in another task that takes a call and ends its task before answering (the vanish peer), and one
    /// that takes a call and is killed while it holds it (the hold peer, killed by a second thread of ipctest after
    /// 50 ms): in both cases the caller's IpcCall returns PartnerGone instead of waiting for ever. Calls to the dead
    /// server's port then time out (nobody receives). A sender blocked on a port whose last receive right is deleted, or
    /// that is revoked, gets PartnerGone; a caller whose server receives again without answering gets PartnerGone; a server whose caller was
    /// killed gets NoCaller for its reply.
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

            PortDestroyed(checks, revoke: false);
            PortDestroyed(checks, revoke: true);
            CallerSide(checks, killCaller: false);
            CallerSide(checks, killCaller: true);
            return checks.Verdict();
        }

        // A sender blocked on a port whose last receive right is deleted (the port is destroyed), or that is revoked, gets
        // PartnerGone.
        private static void PortDestroyed(Checks checks, bool revoke)
        {
            string prefix = revoke ? "revoke_" : "delete_";
            long port = Capabilities.CreatePort();
            long sendOnly = Capabilities.Copy((uint)port, 0, CapabilityRights.Send);
            s_blockedSendPort = (uint)sendOnly;
            s_blockedSendResult = 1;
            delegate*<ulong, ulong, void> entry = &BlockedSender;
            checks.Succeeded(prefix + "start_blocked_sender", LocalThreads.Start(entry, 0));
            Kernel.Sleep(KillDelay);
            if (revoke)
            {
                checks.Error("revoke_port_with_queued_sender", (long)Capabilities.Revoke((uint)port), SystemCallError.None);
            }
            else
            {
                checks.Error("delete_last_receive_right", (long)Capabilities.Delete((uint)port), SystemCallError.None);
            }
            for (int wait = 0; wait < 1000 && s_blockedSendResult == 1; wait++)
            {
                Kernel.Sleep(1_000_000);
            }
            checks.Error(revoke ? "revoke_wakes_queued_sender" : "port_destroyed_wakes_sender", s_blockedSendResult, SystemCallError.PartnerGone);
            checks.Error(revoke ? "revoked_send_right_is_stale" : "send_right_of_destroyed_port_is_stale", Ipc.Send((uint)sendOnly, Tags.Of(1, 0), IpcTimeout.Poll).Value, SystemCallError.StaleCapability);
            Capabilities.Delete((uint)sendOnly);
            if (revoke)
            {
                Capabilities.Delete((uint)port);
            }
        }

        private static uint s_blockedSendPort;
        private static volatile int s_blockedSendResult;

        private static void BlockedSender(ulong argument, ulong utcb)
        {
            s_blockedSendResult = (int)Ipc.Send(s_blockedSendPort, Tags.Of(1, 0), IpcTimeout.Infinite).Value;
            Kernel.ExitThread(0);
        }

        // The caller peer calls us and we do not answer: receiving again drops its reply right (it gets PartnerGone and
        // exits with it); or it is killed while we hold its call, and our reply finds no caller.
        private static void CallerSide(Checks checks, bool killCaller)
        {
            string prefix = killCaller ? "caller_killed_" : "server_receives_again_";
            long port = Capabilities.CreatePort();
            SystemCallError error = PeerTask.StartWithPort(PeerProgram.Caller, (uint)port, CapabilityRights.Send, 32, 1, out PeerTask caller);
            if (!checks.Error(prefix + "caller_started", (long)error, SystemCallError.None))
            {
                return;
            }
            checks.True(prefix + "call_taken", Ipc.Receive((uint)port, CallBound).IsMessage, "the caller's call did not arrive");
            if (killCaller)
            {
                caller.End();
                checks.Error(prefix + "reply_finds_no_caller", Ipc.Reply(Tags.Of(0, 1)).Value, SystemCallError.NoCaller);
            }
            else
            {
                checks.Error(prefix + "poll_receive", Ipc.Receive((uint)port, IpcTimeout.Poll).Value, SystemCallError.TimedOut);
                long code = caller.Wait(CallBound, out TaskEndReason reason);
                checks.True(prefix + "caller_gets_partner_gone", reason == TaskEndReason.Exited && code == (long)SystemCallError.PartnerGone, "the caller ended with " + Output.Error(code));
                caller.End();
            }
            Capabilities.Delete((uint)port);
        }

        private static void KillLater(ulong argument, ulong utcb)
        {
            Kernel.Sleep(KillDelay);
            Kernel.KillTask(s_taskToKill);
            Kernel.ExitThread(0);
        }
    }
}
