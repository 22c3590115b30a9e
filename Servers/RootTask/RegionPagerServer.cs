using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The region pager's thread: serves its port with <see cref="ServerLoop"/> (a failed map reply is answered with
    /// <see cref="PageFaultMessage.UnresolvedLabel"/>, <see cref="RecoveringEndpoint"/>). Faults and requests are handled
    /// one at a time on this thread, so a client's Release can never overtake the mapping of a page it is faulting in.
    /// </summary>
    internal static unsafe class RegionPagerServer
    {
        /// <summary>Starts the thread on <see cref="RegionPager.Port"/>; its id or a negative error.</summary>
        public static long Start() => RootThreads.Start(&Run, RegionPager.Port);

        private static void Run(ulong port, ulong utcb)
        {
            Kernel.CurrentUtcb->MemoryReceiveWindow = 0;
            ReceiveDeclarations.ClearCapabilityReceiveWindow();
            ReceiveDeclarations.ClearStringReceiveBuffers();
            Handler handler = default;
            RecoveringEndpoint endpoint = new RecoveringEndpoint((uint)port, PageFaultMessage.UnresolvedLabel);
            IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
            Kernel.DebugWrite("roottask: the region pager stopped: " + Kernel.DescribeError(result.Value) + "\n");
            Kernel.ExitThread(0);
        }

        private struct Handler : IMessageHandler
        {
            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                Message message = Message.Current;
                switch (request.Label)
                {
                    case PageFaultMessage.Label:
                        reply = HandleFault(message, request, badge);
                        return ServerAction.Reply;
                    case RegionPagerProtocol.Release:
                        reply = HandleRelease(message, request, badge);
                        return ServerAction.Reply;
                    case RegionPagerProtocol.Statistics:
                        reply = HandleStatistics(message, request, badge);
                        return ServerAction.Reply;
                    default:
                        reply = Status(RegionPagerStatus.UnknownRequest, 0);
                        return ServerAction.Reply;
                }
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }

        // Resolved with one map item (the pool page, read and write, hot spot the faulting page), or Unresolved.
        private static MessageTag HandleFault(Message message, MessageTag request, ulong badge)
        {
            MessageTag reply;
            if (request.UntypedCount != PageFaultMessage.WordCount || request.TypedCount != 0)
            {
                MessageTag.TryCreate(PageFaultMessage.UnresolvedLabel, 0, 0, MessageTagFlags.None, out reply);
                return reply;
            }
            ulong address = message.Word(PageFaultMessage.AddressWord);
            ulong poolAddress = RegionPager.ResolveFault(badge, address);
            if (poolAddress == 0
                || Flexpage.TryCreate(poolAddress, Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Write, out Flexpage page) != MessageError.None
                || FlexpageItem.TryCreate(page, address & ~(UserLayout.PageSize - 1), grant: false, out FlexpageItem item) != MessageError.None)
            {
                MessageTag.TryCreate(PageFaultMessage.UnresolvedLabel, 0, 0, MessageTagFlags.None, out reply);
                return reply;
            }
            message.SetWord(0, item.FirstWord);
            message.SetWord(1, item.SecondWord);
            MessageTag.TryCreate(PageFaultMessage.ResolvedLabel, 0, 1, MessageTagFlags.None, out reply);
            return reply;
        }

        private static MessageTag HandleRelease(Message message, MessageTag request, ulong badge)
        {
            if (request.UntypedCount != RegionPagerProtocol.ReleaseWordCount || request.TypedCount != 0)
            {
                return Status(RegionPagerStatus.BadRequest, 0);
            }
            RegionPagerStatus status = RegionPager.Release(badge, message.Word(RegionPagerProtocol.AddressWord), message.Word(RegionPagerProtocol.LengthWord), out ulong released);
            if (status != RegionPagerStatus.Ok)
            {
                return Status(status, 0);
            }
            message.SetWord(RegionPagerProtocol.ReleasedPagesWord, released);
            return Status(RegionPagerStatus.Ok, 1);
        }

        private static MessageTag HandleStatistics(Message message, MessageTag request, ulong badge)
        {
            if (request.UntypedCount != 0 || request.TypedCount != 0)
            {
                return Status(RegionPagerStatus.BadRequest, 0);
            }
            RegionPagerStatus status = RegionPager.Statistics(badge, out ulong clientPages, out ulong poolPages, out ulong freePages);
            if (status != RegionPagerStatus.Ok)
            {
                return Status(status, 0);
            }
            message.SetWord(RegionPagerProtocol.ClientPagesWord, clientPages);
            message.SetWord(RegionPagerProtocol.PoolPagesWord, poolPages);
            message.SetWord(RegionPagerProtocol.FreePoolPagesWord, freePages);
            return Status(RegionPagerStatus.Ok, RegionPagerProtocol.StatisticsWordCount);
        }

        private static MessageTag Status(RegionPagerStatus status, int words)
        {
            MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
