using System.Collections.Generic;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Xunit;

namespace Libc.Tests
{
    public class ServerLoopTests
    {
        // One step the scripted endpoint delivers: a message (tag, badge), a notification (bits) or an error.
        private readonly record struct Delivery(long Status, ulong TagWord, ulong Badge);

        private static Delivery MessageWith(uint label, ulong badge)
        {
            MessageTag.TryCreate(label, 0, 0, MessageTagFlags.None, out MessageTag tag);
            return new Delivery((long)IpcStatus.Message, tag.Word, badge);
        }

        // An endpoint that plays a script and records the calls the loop made ("R" receive, "RW:label" reply-wait, "Y:label" reply).
        private struct ScriptedEndpoint : IServerEndpoint
        {
            public Queue<Delivery> Script;
            public System.Collections.Generic.List<string> Calls;
            private Delivery _last;

            public IpcResult Receive()
            {
                Calls.Add("R");
                return Next();
            }

            public IpcResult ReplyWait(MessageTag reply)
            {
                Calls.Add("RW:" + reply.Label);
                return Next();
            }

            public IpcResult Reply(MessageTag reply)
            {
                Calls.Add("Y:" + reply.Label);
                return new IpcResult(0);
            }

            public MessageTag ReceivedTag
            {
                get
                {
                    MessageTag.TryDecode(_last.TagWord, out MessageTag tag);
                    return tag;
                }
            }

            public ulong ReceivedBadge => _last.Badge;

            private IpcResult Next()
            {
                _last = Script.Count > 0 ? Script.Dequeue() : new Delivery((long)SystemCallError.PartnerGone, 0, 0);
                return new IpcResult(_last.Status);
            }
        }

        // Label 1: reply with label + 100; label 2: no reply; label 3: reply and stop; label 4: stop. Notifications: count them.
        private struct RecordingHandler : IMessageHandler
        {
            public System.Collections.Generic.List<string> Seen;
            public bool StopOnNotification;

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                Seen.Add("M" + request.Label + "/" + badge);
                MessageTag.TryCreate(request.Label + 100, 0, 0, MessageTagFlags.None, out reply);
                switch (request.Label)
                {
                    case 2: return ServerAction.Wait;
                    case 3: return ServerAction.ReplyAndStop;
                    case 4: return ServerAction.Stop;
                    default: return ServerAction.Reply;
                }
            }

            public ServerAction HandleNotification(ulong bits)
            {
                Seen.Add("N" + bits);
                return StopOnNotification ? ServerAction.ReplyAndStop : ServerAction.Reply;
            }
        }

        private static (IpcResult Result, string Calls, string Seen) Run(bool stopOnNotification, params Delivery[] script)
        {
            var endpoint = new ScriptedEndpoint { Script = new Queue<Delivery>(script), Calls = new System.Collections.Generic.List<string>() };
            var handler = new RecordingHandler { Seen = new System.Collections.Generic.List<string>(), StopOnNotification = stopOnNotification };
            IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
            return (result, string.Join(" ", endpoint.Calls), string.Join(" ", handler.Seen));
        }

        [Fact]
        public void EachRequestIsAnsweredWithOneReplyWait()
        {
            var (result, calls, seen) = Run(false, MessageWith(1, 7), MessageWith(1, 8), MessageWith(4, 0));
            Assert.Equal("R RW:101 RW:101", calls);
            Assert.Equal("M1/7 M1/8 M4/0", seen);
            Assert.True(result.IsMessage);
        }

        [Fact]
        public void AnUnansweredRequestIsFollowedByAPlainReceive()
        {
            var (_, calls, _) = Run(false, MessageWith(2, 0), MessageWith(1, 0), MessageWith(4, 0));
            Assert.Equal("R R RW:101", calls);
        }

        [Fact]
        public void ReplyAndStopAnswersWithoutWaiting()
        {
            var (result, calls, _) = Run(false, MessageWith(1, 0), MessageWith(3, 0), MessageWith(1, 0));
            Assert.Equal("R RW:101 Y:103", calls);
            Assert.True(result.Succeeded);
        }

        [Fact]
        public void ANotificationGoesToItsHandlerAndIsNeverReplied()
        {
            var notification = new Delivery((long)IpcStatus.Notification, 0, 0b101);
            var (_, calls, seen) = Run(false, notification, MessageWith(1, 0), MessageWith(4, 0));
            Assert.Equal("R R RW:101", calls);
            Assert.Equal("N5 M1/0 M4/0", seen);
        }

        [Fact]
        public void ANotificationsReplyAndStopStopsWithoutAReply()
        {
            var notification = new Delivery((long)IpcStatus.Notification, 0, 1);
            var (result, calls, _) = Run(true, notification);
            Assert.Equal("R", calls);
            Assert.True(result.IsNotification);
        }

        [Fact]
        public void AFailedReceiveEndsTheLoopWithItsError()
        {
            var (result, calls, seen) = Run(false, MessageWith(1, 0), new Delivery((long)SystemCallError.StaleCapability, 0, 0));
            Assert.Equal(SystemCallError.StaleCapability, result.Error);
            Assert.False(result.Succeeded);
            Assert.Equal("R RW:101", calls);
            Assert.Equal("M1/0", seen);
        }
    }
}
