using System;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The region pager's thread: serves its port with <see cref="ServerLoop"/> (a fault reply the kernel cannot carry
    /// out, the client's quota spent, is sent again with only the faulting page's item, then as
    /// <see cref="PageFaultMessage.UnresolvedLabel"/>: <see cref="RecoveringEndpoint"/>). Faults and requests are handled
    /// one at a time on this thread, so a client's Release can never overtake the mapping of a page it is faulting in. It
    /// runs above the programs' priority (<see cref="Priority"/>), so a fault is served at once rather than after a
    /// time slice of every busy program.
    /// </summary>
    internal static unsafe class RegionPagerServer
    {
        /// <summary>Starts the thread on <see cref="RegionPager.Port"/>; its id or a negative error.</summary>
        public const byte Priority = 150;

        public static long Start() => RootThreads.Start(&Run, RegionPager.Port, Priority);

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

        // Resolved with map items of pool pages (read and write, hot spot the client page), the faulting page first, or
        // Unresolved.
        private static MessageTag HandleFault(Message message, MessageTag request, ulong badge)
        {
            MessageTag reply;
            Span<ulong> pages = stackalloc ulong[RegionPagerBook.FaultGroupPages];
            Span<ulong> poolAddresses = stackalloc ulong[RegionPagerBook.FaultGroupPages];
            int count = 0;
            // A page that is mapped but lacks the right the access needed (execute in the heap, say) stays a fault: the
            // pager maps read and write only, and mapping the same page again would not help.
            if (request.UntypedCount == PageFaultMessage.WordCount && request.TypedCount == 0
                && (message.Word(PageFaultMessage.AccessWord) & PageFaultMessage.PresentBit) == 0)
            {
                count = RegionPager.ResolveFault(badge, message.Word(PageFaultMessage.AddressWord), pages, poolAddresses);
            }
            int items = 0;
            for (int i = 0; i < count; i++)
            {
                if (Flexpage.TryCreate(poolAddresses[i], Flexpage.MinimumSizeLog2, FlexpageRights.Read | FlexpageRights.Write, out Flexpage page) == MessageError.None
                    && FlexpageItem.TryCreate(page, pages[i], grant: false, out FlexpageItem item) == MessageError.None)
                {
                    message.SetWord(2 * items, item.FirstWord);
                    message.SetWord(2 * items + 1, item.SecondWord);
                    items++;
                }
            }
            MessageTag.TryCreate(items == 0 ? PageFaultMessage.UnresolvedLabel : PageFaultMessage.ResolvedLabel, 0, items, MessageTagFlags.None, out reply);
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
