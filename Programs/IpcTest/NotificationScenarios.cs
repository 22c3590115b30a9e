using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "notify": signals OR into the word and a wait takes and clears them all; a badged capability signals its badge; a
    /// thread of another task (the relay peer) wakes up and answers; a notification bound to a port arrives through a
    /// receive on the port, while a waiting receive also still gets messages.
    /// </summary>
    internal static unsafe class NotificationScenarios
    {
        private const ulong Millisecond = 1_000_000;
        private const ulong WaitBound = 2000 * Millisecond;
        private const ulong Badge = 0x100;
        private const uint MessageLabel = 0x4400;

        private static uint s_notification;
        private static uint s_port;

        public static int Run()
        {
            Checks checks = new Checks("notify");
            long notification = Capabilities.CreateNotification();
            if (!checks.Succeeded("create_notification", notification))
            {
                return checks.Verdict();
            }
            uint slot = (uint)notification;

            checks.Error("signal_bit_0", (long)NotificationCalls.Signal(slot, 0b001), SystemCallError.None);
            checks.Error("signal_bit_2", (long)NotificationCalls.Signal(slot, 0b100), SystemCallError.None);
            IpcResult result = NotificationCalls.Wait(slot, IpcTimeout.Poll, out ulong bits);
            checks.True("bits_are_ored", result.IsNotification && bits == 0b101, "result " + Output.Error(result.Value) + " bits " + bits.ToString());
            checks.Error("wait_clears_bits", NotificationCalls.Wait(slot, IpcTimeout.Poll, out _).Value, SystemCallError.TimedOut);
            checks.Error("signal_no_bits", (long)NotificationCalls.Signal(slot, 0), SystemCallError.InvalidArgument);

            long badged = Capabilities.Mint(slot, 0, CapabilityRights.Send, Badge);
            checks.Succeeded("mint_badged_send", badged);
            checks.Error("badged_signal", (long)NotificationCalls.Signal((uint)badged, 0b1), SystemCallError.None);
            result = NotificationCalls.Wait(slot, IpcTimeout.Poll, out bits);
            checks.True("badge_bits_arrive", result.IsNotification && bits == Badge, "result " + Output.Error(result.Value) + " bits " + bits.ToString());
            checks.Error("wait_on_send_only", NotificationCalls.Wait((uint)badged, IpcTimeout.Poll, out _).Value, SystemCallError.InsufficientRights);

            AnotherTask(checks, slot);
            Bound(checks, slot);
            Capabilities.Delete((uint)badged);
            Capabilities.Delete(slot);
            return checks.Verdict();
        }

        // The relay peer waits on "ping" and signals "pong": ten rounds.
        private static void AnotherTask(Checks checks, uint pong)
        {
            long ping = Capabilities.CreateNotification();
            SystemCallError error = PeerTask.Create(PeerProgram.Relay, out PeerTask peer);
            if (!checks.Error("relay_created", (long)error, SystemCallError.None))
            {
                return;
            }
            long pingThere = peer.Give((uint)ping, CapabilityRights.Receive);
            long pongThere = peer.Give(pong, CapabilityRights.Send);
            checks.Succeeded("relay_given_ping", pingThere);
            checks.Succeeded("relay_given_pong", pongThere);
            checks.Error("relay_started", (long)peer.Start((ulong)pingThere | ((ulong)pongThere << 32)), SystemCallError.None);
            int answered = 0;
            for (int round = 0; round < 10; round++)
            {
                NotificationCalls.Signal((uint)ping, 1);
                IpcResult result = NotificationCalls.Wait(pong, WaitBound, out ulong bits);
                if (result.IsNotification && bits == 1)
                {
                    answered++;
                }
            }
            checks.True("other_task_wakes_and_answers", answered == 10, answered.ToString() + " of 10 rounds answered");
            peer.End();
            Capabilities.Delete((uint)ping);
        }

        // Receiving on a port also returns the bits of the notification bound to it.
        private static void Bound(Checks checks, uint notification)
        {
            long port = Capabilities.CreatePort();
            checks.Succeeded("bound_port", port);
            s_port = (uint)port;
            s_notification = notification;
            checks.Error("bind", (long)NotificationCalls.Bind(notification, s_port), SystemCallError.None);
            NotificationCalls.Signal(notification, 0b10);
            IpcResult result = Ipc.Receive(s_port, IpcTimeout.Poll);
            Message message = Message.Current;
            checks.True("pending_bits_through_port", result.IsNotification && message.ReceivedBadge == 0b10, "result " + Output.Error(result.Value) + " bits " + message.ReceivedBadge.ToString());

            delegate*<ulong, ulong, void> entry = &SignalThenSend;
            checks.Succeeded("start_signaller", LocalThreads.Start(entry, 0));
            result = Ipc.Receive(s_port, WaitBound);
            checks.True("signal_wakes_port_receiver", result.IsNotification && message.ReceivedBadge == 0b100, "result " + Output.Error(result.Value) + " bits " + message.ReceivedBadge.ToString());
            result = Ipc.Receive(s_port, WaitBound);
            checks.True("messages_still_arrive", result.IsMessage && message.ReceivedLabel == MessageLabel, "result " + Output.Error(result.Value) + " label " + message.ReceivedLabel.ToString());
            checks.Error("unbind", (long)NotificationCalls.Unbind(notification), SystemCallError.None);
            NotificationCalls.Signal(notification, 0b1000);
            checks.Error("unbound_bits_stay_off_the_port", Ipc.Receive(s_port, IpcTimeout.Poll).Value, SystemCallError.TimedOut);
            NotificationCalls.Wait(notification, IpcTimeout.Poll, out _);
            Capabilities.Delete(s_port);
        }

        private static void SignalThenSend(ulong argument, ulong utcb)
        {
            Kernel.Sleep(20 * Millisecond);
            NotificationCalls.Signal(s_notification, 0b100);
            Kernel.Sleep(20 * Millisecond);
            Ipc.Send(s_port, Tags.Of(MessageLabel, 0), IpcTimeout.Infinite);
            Kernel.ExitThread(0);
        }
    }
}
