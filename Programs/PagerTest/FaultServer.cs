using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// The pager of a pagertest process: one thread receiving on a port. A page fault gets a page of the process's
    /// <see cref="PagePool"/> (the same page again for an address served before, found in a <see cref="FaultTable"/>),
    /// answered with a map item (read and write, and execute when the access needed it) whose hot spot is the faulting page.
    /// The requests of <see cref="PagerControlProtocol"/> come on the same port. One per process: the state is static.
    /// </summary>
    internal static unsafe class FaultServer
    {
        private const int TableCapacityLog2 = 15;

        private static uint s_port;
        private static PagePool s_pool;
        private static FaultTable s_table;
        private static bool s_poolIsPaged;
        private static ulong s_grantWindow;
        private static byte[] s_stack;

        /// <summary>Page faults served (resolved or not).</summary>
        public static long Faults;

        /// <summary>Faults at a page served before: its mapping had been taken back (revoked or granted away).</summary>
        public static long Refaults;

        /// <summary>Faults answered "unresolved" (the pool was used up).</summary>
        public static long Unresolved;

        /// <summary>Grant items received into the grant window, and the granter's address of the last.</summary>
        public static long Grants;
        public static ulong LastGrantedAddress;

        /// <summary>Receive errors seen (each followed by a new receive).</summary>
        public static long ReceiveErrors;

        /// <summary>
        /// Starts the pager thread on <paramref name="port"/> (a port with Receive). <paramref name="poolIsPaged"/>: the
        /// pool's pages are themselves paged by this task's pager, so a page is touched before it is mapped on and a Revoke
        /// is forwarded to that pager (slot 254) with the pool pages behind the client's. <paramref name="grantWindow"/>: a
        /// flexpage word where Grant requests put their page (0: none).
        /// </summary>
        public static SystemCallError Start(uint port, PagePool pool, bool poolIsPaged, ulong grantWindow)
        {
            s_port = port;
            s_pool = pool;
            s_poolIsPaged = poolIsPaged;
            s_grantWindow = grantWindow;
            s_table = new FaultTable(TableCapacityLog2);
            s_stack = new byte[64 * 1024];
            fixed (byte* stack = s_stack)
            {
                for (int offset = 0; offset < s_stack.Length; offset += (int)UserLayout.PageSize)
                {
                    stack[offset] = 0; // mapped before the thread runs on it
                }
            }
            long thread = Kernel.CreateThread(0, 120);
            if (thread < 0)
            {
                thread = Kernel.CreateThread(0, 100);
            }
            if (thread < 0)
            {
                return (SystemCallError)thread;
            }
            delegate*<ulong, ulong, void> entry = &Serve;
            return Kernel.StartThread((ulong)thread, (ulong)entry, Kernel.StackTopOf(s_stack), 0);
        }

        /// <summary>A send right to the pager's port with <paramref name="badge"/> (for a client's pager slot); its slot or an error.</summary>
        public static long BadgedSendRight(ulong badge) => Capabilities.Mint(s_port, 0, CapabilityRights.Send | CapabilityRights.Grant, badge);

        private static void Serve(ulong argument, ulong utcbAddress)
        {
            Utcb* utcb = (Utcb*)utcbAddress;
            Message message = Message.Current;
            utcb->MemoryReceiveWindow = s_grantWindow;
            IpcResult result = Ipc.Receive(s_port);
            while (true)
            {
                if (!result.IsMessage)
                {
                    ReceiveErrors++;
                    utcb->MemoryReceiveWindow = s_grantWindow;
                    result = Ipc.Receive(s_port);
                    continue;
                }
                ulong badge = message.ReceivedBadge;
                MessageTag reply;
                switch (message.ReceivedLabel)
                {
                    case PageFaultMessage.Label:
                        reply = ServeFault(message, badge);
                        break;
                    case PagerControlProtocol.Revoke:
                        reply = Revoke(message, badge);
                        break;
                    case PagerControlProtocol.Statistics:
                        message.SetWord(0, (ulong)Faults);
                        message.SetWord(1, (ulong)Refaults);
                        message.SetWord(2, (ulong)Grants);
                        reply = Tags.Of(PagerControlProtocol.SuccessLabel, 3);
                        break;
                    case PagerControlProtocol.Grant:
                        reply = ReceiveGrant(message);
                        break;
                    case PagerControlProtocol.EndPager:
                        Ipc.Reply(Tags.Of(PagerControlProtocol.SuccessLabel, 0));
                        Kernel.ExitTask(0);
                        return;
                    default:
                        reply = Tags.Of(PagerControlProtocol.RefusedLabel, 0);
                        break;
                }
                utcb->MemoryReceiveWindow = s_grantWindow;
                result = Ipc.ReplyWait(s_port, reply);
            }
        }

        private static MessageTag ServeFault(Message message, ulong badge)
        {
            Faults++;
            ulong address = message.Word(PageFaultMessage.AddressWord) & ~(UserLayout.PageSize - 1);
            ulong access = message.Word(PageFaultMessage.AccessWord);
            ulong page = s_table.Find(badge, address);
            if (page != 0)
            {
                Refaults++;
                if (s_poolIsPaged)
                {
                    PagePool.MakePresent(page);
                }
            }
            else
            {
                page = s_pool.Take();
                if (page == 0 || !s_table.Add(badge, address, page))
                {
                    Unresolved++;
                    return Tags.Of(PageFaultMessage.UnresolvedLabel, 0);
                }
            }
            FlexpageRights rights = FlexpageRights.Read | FlexpageRights.Write | ((FlexpageRights)access & FlexpageRights.Execute);
            Flexpage.TryCreate(page, Flexpage.MinimumSizeLog2, rights, out Flexpage source);
            FlexpageItem.TryCreate(source, address, false, out FlexpageItem item);
            message.SetWord(0, item.FirstWord);
            message.SetWord(1, item.SecondWord);
            return Tags.Of(PageFaultMessage.ResolvedLabel, 0, 1);
        }

        // Revoke: the client's pages become this pager's pool pages behind them; a paged pool forwards those to its own pager,
        // the top of the chain unmaps them (keeping its own mappings), which takes back everything derived from them.
        private static MessageTag Revoke(Message message, ulong badge)
        {
            int count = (int)message.Word(0);
            if (count < 0 || count > PagerControlProtocol.MaximumRevokedPages)
            {
                return Tags.Of(PagerControlProtocol.RefusedLabel, 0);
            }
            ulong* pages = stackalloc ulong[PagerControlProtocol.MaximumRevokedPages];
            int found = 0;
            for (int i = 0; i < count; i++)
            {
                ulong page = s_table.Find(badge, message.Word(1 + i));
                if (page != 0)
                {
                    pages[found++] = page;
                }
            }
            ulong revoked = 0;
            if (s_poolIsPaged)
            {
                message.SetWord(0, (ulong)found);
                for (int i = 0; i < found; i++)
                {
                    message.SetWord(1 + i, pages[i]);
                }
                IpcResult forwarded = Ipc.Call(WellKnownSlots.Pager, Tags.Of(PagerControlProtocol.Revoke, 1 + found));
                if (!forwarded.IsMessage || message.ReceivedLabel != PagerControlProtocol.SuccessLabel)
                {
                    return Tags.Of(PagerControlProtocol.RefusedLabel, 0);
                }
                revoked = message.Word(0);
            }
            else
            {
                for (int i = 0; i < found; i++)
                {
                    Flexpage.TryCreate(pages[i], Flexpage.MinimumSizeLog2, FlexpageRights.All, out Flexpage own);
                    if (AddressSpace.Unmap(own) == SystemCallError.None)
                    {
                        revoked++;
                    }
                }
            }
            message.SetWord(0, revoked);
            return Tags.Of(PagerControlProtocol.SuccessLabel, 1);
        }

        private static MessageTag ReceiveGrant(Message message)
        {
            MessageTag tag = message.ReceivedTag;
            if (s_grantWindow == 0 || tag.UntypedCount != 1 || tag.TypedCount != 1)
            {
                return Tags.Of(PagerControlProtocol.RefusedLabel, 0);
            }
            Grants++;
            LastGrantedAddress = message.Word(0);
            return Tags.Of(PagerControlProtocol.SuccessLabel, 0);
        }
    }
}
