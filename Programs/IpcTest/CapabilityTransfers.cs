using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "transfer": capabilities passed in messages. Between two threads of this task (a ServerLoop server with a receive
    /// window): a copy (the sender keeps its capability) and a move (the sender's slot is empty afterwards), each used by
    /// the receiver; a saved Reply capability that cannot be copied and is used up by its one answer. Through another
    /// task (the echo peer, which sends back what it received): a copy and a move that come back and work.
    /// </summary>
    internal static unsafe class CapabilityTransfers
    {
        private const uint CopyLabel = 1;
        private const uint MoveLabel = 2;
        private const uint SaveReplyLabel = 3;
        private const uint SavedReplyStateLabel = 4;
        private const uint StopLabel = 9;
        private const uint ServerWindowFirst = 100;
        private const uint ServerWindowCount = 8;
        private const ulong CopyBits = 0x10;
        private const ulong MoveBits = 0x20;
        private const ulong EchoCopyBits = 0x40;
        private const ulong EchoMoveBits = 0x80;
        private const ulong WaitBound = 2_000_000_000;

        private static uint s_port;
        private static volatile bool s_serverReady;

        public static int Run()
        {
            Checks checks = new Checks("transfer");
            long port = Capabilities.CreatePort();
            long notification = Capabilities.CreateNotification();
            if (!checks.Succeeded("create_port", port) | !checks.Succeeded("create_notification", notification))
            {
                return checks.Verdict();
            }
            s_port = (uint)port;
            uint signalled = (uint)notification;
            delegate*<ulong, ulong, void> entry = &ServerThread;
            if (!checks.Succeeded("start_server_thread", LocalThreads.Start(entry, 0)))
            {
                return checks.Verdict();
            }
            while (!s_serverReady)
            {
                Kernel.Yield();
            }

            // Copy: the server gets its own slot, signals through it; ours still works.
            Message message = Message.Current;
            MessageBuilder builder = message.Build(CopyLabel, 0);
            builder.AddCapability(signalled, move: false);
            builder.TryGetTag(out MessageTag tag);
            IpcResult result = Ipc.Call(s_port, tag);
            ulong serverSlot = message.Word(0);
            checks.True("copy_delivered", result.IsMessage && message.ReceivedLabel == CopyLabel && serverSlot >= ServerWindowFirst && serverSlot < ServerWindowFirst + ServerWindowCount,
                "result " + Output.Error(result.Value) + " server slot " + serverSlot.ToString());
            checks.True("copy_used_by_receiver", WaitFor(signalled) == CopyBits, "bits were not " + CopyBits.ToString());
            SystemCallError error = Capabilities.Information(signalled, out CapabilityInformation information);
            checks.True("copy_sender_keeps_it", error == SystemCallError.None && information.Kind == CapabilityKind.Notification, "information " + Output.Error((long)error));

            // Move: our slot is empty afterwards, the server's works.
            long spare = Capabilities.Copy(signalled, 0, CapabilityRights.Send | CapabilityRights.Grant);
            checks.Succeeded("copy_for_move", spare);
            builder = message.Build(MoveLabel, 0);
            builder.AddCapability((uint)spare, move: true);
            builder.TryGetTag(out tag);
            result = Ipc.Call(s_port, tag);
            checks.True("move_delivered", result.IsMessage && message.ReceivedLabel == MoveLabel, "result " + Output.Error(result.Value));
            checks.Error("move_empties_sender_slot", (long)Capabilities.Information((uint)spare, out _), SystemCallError.EmptySlot);
            checks.True("move_used_by_receiver", WaitFor(signalled) == MoveBits, "bits were not " + MoveBits.ToString());

            // A saved reply capability: not copyable, answers once, then gone.
            result = Ipc.Call(s_port, Tags.Of(SaveReplyLabel, 0));
            checks.True("saved_reply_answers", result.IsMessage && message.ReceivedLabel == SaveReplyLabel, "result " + Output.Error(result.Value));
            checks.Error("copy_of_reply_capability", (long)message.Word(0), SystemCallError.NotCopyable);
            result = Ipc.Call(s_port, Tags.Of(SavedReplyStateLabel, 0));
            checks.Error("reply_capability_used_up", (long)message.Word(0), SystemCallError.EmptySlot);

            Ipc.Call(s_port, Tags.Of(StopLabel, 0));
            ThroughAnotherTask(checks, signalled);
            Capabilities.Delete(s_port);
            return checks.Verdict();
        }

        // The echo peer receives the capability into its window and sends it back into ours.
        private static void ThroughAnotherTask(Checks checks, uint signalled)
        {
            for (int round = 0; round < 2; round++)
            {
                bool move = round == 1;
                string name = move ? "echo_move" : "echo_copy";
                long port = Capabilities.CreatePort();
                SystemCallError error = PeerTask.StartWithPort(PeerProgram.Echo, (uint)port, CapabilityRights.Receive, 0, 0, out PeerTask peer);
                if (!checks.Error(name + "_peer_started", (long)error, SystemCallError.None))
                {
                    return;
                }
                uint window = move ? 121u : 120u;
                ReceiveDeclarations.SetCapabilityReceiveWindow(window, 1);
                long sent = Capabilities.Copy(signalled, 0, CapabilityRights.Send | CapabilityRights.Grant);
                Message message = Message.Current;
                MessageBuilder builder = message.Build(0x5000, 1);
                builder.SetWord(0, 77);
                builder.AddCapability((uint)sent, move);
                builder.TryGetTag(out MessageTag tag);
                IpcResult result = Ipc.Call((uint)port, tag, IpcTimeout.Infinite);
                bool delivered = result.IsMessage && message.ReceivedTag.TypedCount == 1 && message.Word(0) == 77 && message.Word(2) == window;
                checks.True(name + "_came_back", delivered, "result " + Output.Error(result.Value) + " typed " + message.ReceivedTag.TypedCount.ToString() + " slot " + message.Word(2).ToString());
                if (move)
                {
                    checks.Error(name + "_empties_sender_slot", (long)Capabilities.Information((uint)sent, out _), SystemCallError.EmptySlot);
                }
                else
                {
                    checks.Error(name + "_sender_keeps_it", (long)Capabilities.Information((uint)sent, out _), SystemCallError.None);
                }
                if (delivered)
                {
                    ulong bits = move ? EchoMoveBits : EchoCopyBits;
                    checks.Error(name + "_signal_through_returned", (long)NotificationCalls.Signal(window, bits), SystemCallError.None);
                    checks.True(name + "_returned_works", WaitFor(signalled) == bits, "bits were not " + bits.ToString());
                }
                ReceiveDeclarations.ClearCapabilityReceiveWindow();
                peer.End();
                Capabilities.Delete(window);
                Capabilities.Delete((uint)sent);
                Capabilities.Delete((uint)port);
            }
        }

        private static ulong WaitFor(uint notification)
        {
            IpcResult result = NotificationCalls.Wait(notification, WaitBound, out ulong bits);
            return result.IsNotification ? bits : 0;
        }

        private static void ServerThread(ulong argument, ulong utcb)
        {
            ReceiveDeclarations.SetCapabilityReceiveWindow(ServerWindowFirst, ServerWindowCount);
            s_serverReady = true;
            TransferHandler handler = default;
            PortEndpoint.Serve(s_port, ref handler);
            Kernel.ExitThread(0);
        }

        /// <summary>The server side: uses each received capability, and answers a call through a saved Reply capability.</summary>
        private struct TransferHandler : IMessageHandler
        {
            private long _savedReply;

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                Message message = Message.Current;
                reply = Tags.Of(request.Label, 1);
                switch (request.Label)
                {
                    case CopyLabel:
                    case MoveLabel:
                        // The delivered item's second word is the slot in our window.
                        uint slot = (uint)message.Word(1);
                        NotificationCalls.Signal(slot, request.Label == CopyLabel ? CopyBits : MoveBits);
                        message.SetWord(0, slot);
                        Capabilities.Delete(slot);
                        return ServerAction.Reply;
                    case SaveReplyLabel:
                        _savedReply = Ipc.SaveReply();
                        long copy = _savedReply < 0 ? _savedReply : Capabilities.Copy((uint)_savedReply, 0, CapabilityRights.Send);
                        message.SetWord(0, (ulong)copy);
                        if (_savedReply >= 0)
                        {
                            Ipc.Send((uint)_savedReply, reply, IpcTimeout.Poll);
                        }
                        return ServerAction.Wait;
                    case SavedReplyStateLabel:
                        message.SetWord(0, (ulong)(long)Capabilities.Information((uint)_savedReply, out _));
                        return ServerAction.Reply;
                    default:
                        return ServerAction.ReplyAndStop;
                }
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }
    }
}
