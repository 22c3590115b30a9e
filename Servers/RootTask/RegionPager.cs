using System.Runtime.InteropServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The root task's region pager (protocol: <see cref="RegionPagerProtocol"/>). Its pool is the virtual range
    /// [<see cref="PoolBase"/>, PoolBase + <see cref="PoolReservation"/>) of the root task, filled page by page with frames
    /// asked of sigma0 (Sigma0Protocol.AllocateAny of one page into the pool page, through the root's
    /// WellKnownSlots.RootSigma0Memory): they arrive zeroed and with every right, execute included, which a page touched
    /// into the pool by a write fault would lack (sigma0 gives execute only to an instruction fetch), so image pages can be
    /// mapped on executable. Pages clients give back are zeroed before they are handed out again. One thread of the root task serves the pager port
    /// (<see cref="RegionPagerServer"/>); the loader takes pool pages for program images and start information from the
    /// root task's other threads, and the main thread gives an ended client's pages back. All of them go through the
    /// bookkeeping (<see cref="RegionPagerBook"/>) under one lock, held also while pages are touched, zeroed and unmapped,
    /// so no page is seen half-prepared and no freed page stays mapped in a client.
    /// </summary>
    internal static unsafe class RegionPager
    {
        /// <summary>Clear of every region of UserLayout (image, heap, boot modules, stacks).</summary>
        public const ulong PoolBase = 0x0000_4000_0000_0000;

        public const ulong PoolReservation = 1UL << 30;

        /// <summary>
        /// The root's slot for the pager port's receive right: fixed and high, clear of slot 1 (the name broker's send right,
        /// placed after the pager starts) and of the slots the root task fills from the bottom.
        /// </summary>
        public const uint PortSlot = 248;

        /// <summary>Clients at once (tasks the root task created and has not seen end).</summary>
        public const int ClientCapacity = 128;

        private static RegionPagerBook s_book;
        private static SleepingLock s_lock;
        private static uint s_port;

        /// <summary>How many pages the pool can hold (0 before <see cref="Initialize"/>).</summary>
        public static int PoolPageCapacity => s_book == null ? 0 : s_book.Pool.Capacity;

        /// <summary>The root's slot holding the pager port's receive right (0 before <see cref="Initialize"/>).</summary>
        public static uint Port => s_port;

        /// <summary>
        /// Creates the pager port (in <see cref="PortSlot"/>) and the bookkeeping for a pool of at most as many pages as the machine has frames. The
        /// server thread is started separately (<see cref="RegionPagerServer.Start"/>). Returns the error of PortCreate.
        /// </summary>
        public static SystemCallError Initialize()
        {
            long port = Capabilities.CreatePort();
            if (port >= 0 && port != PortSlot)
            {
                long moved = Capabilities.Move((uint)port, PortSlot);
                if (moved < 0)
                {
                    Capabilities.Delete((uint)port);
                }
                port = moved;
            }
            if (port < 0)
            {
                return (SystemCallError)port;
            }
            Kernel.FreeFrames(out ulong managedFrames);
            ulong capacity = PoolReservation / UserLayout.PageSize;
            if (managedFrames != 0 && managedFrames < capacity)
            {
                capacity = managedFrames;
            }
            s_book = new RegionPagerBook(PoolBase, (int)capacity, ClientCapacity);
            s_port = (uint)port;
            return SystemCallError.None;
        }

        /// <summary>Makes <paramref name="task"/> a client; its badge is what the pager capability minted for it must carry. False when the table is full.</summary>
        public static bool TryAddClient(ulong task, out int client, out ulong badge)
        {
            s_lock.Acquire();
            bool added = s_book.Clients.TryAdd(task, out client, out badge);
            s_lock.Release();
            return added;
        }

        /// <summary>
        /// The root task's address of the zeroed pool page (or the one already there) backing the client's page at
        /// <paramref name="pageAddress"/>; 0 when the pool is exhausted. The loader fills it and maps it into the client.
        /// </summary>
        public static ulong TakePage(int client, ulong pageAddress)
        {
            s_lock.Acquire();
            PagePlacement placement = s_book.Place(client, pageAddress, out int page);
            ulong address = placement == PagePlacement.None ? 0 : Prepare(placement, page);
            if (address == 0 && placement == PagePlacement.Fresh)
            {
                s_book.Unplace(client, pageAddress, page);
            }
            s_lock.Release();
            return address;
        }

        /// <summary>Maps one pool page of the root task into <paramref name="task"/> at <paramref name="destination"/> with <paramref name="rights"/>.</summary>
        public static SystemCallError MapPage(ulong task, ulong poolAddress, ulong destination, FlexpageRights rights)
        {
            if (Flexpage.TryCreate(poolAddress, Flexpage.MinimumSizeLog2, rights, out Flexpage source) != MessageError.None)
            {
                return SystemCallError.InvalidArgument;
            }
            long mapped = AddressSpace.Map(task, source, destination);
            return mapped < 0 ? (SystemCallError)mapped : mapped == 1 ? SystemCallError.None : SystemCallError.BadAddress;
        }

        /// <summary>
        /// A client's task has ended (or will never run): every pool page it held goes back to the free list, whatever was
        /// derived from them is unmapped, and the client's slot is freed (only if it still holds the client with
        /// <paramref name="badge"/>). Returns how many pages came back.
        /// </summary>
        public static int EndClient(int client, ulong badge)
        {
            s_lock.Acquire();
            int pages = 0;
            if (s_book.Clients.IsLive(client) && s_book.Clients.BadgeOf(client) == badge)
            {
                while (s_book.TryTakeBackAny(client, out int page))
                {
                    UnmapDerived(s_book.PoolAddressOf(page));
                    pages++;
                }
                s_book.Clients.Remove(client);
            }
            s_lock.Release();
            return pages;
        }

        /// <summary>
        /// A page fault from the client <paramref name="badge"/> names at <paramref name="address"/>: the pool pages to map
        /// (<see cref="RegionPagerBook.PlanFault"/>), the faulting page first, as pairs of client page and pool address in
        /// <paramref name="pages"/> and <paramref name="poolAddresses"/>; returns how many (0: unresolved). When the pool runs
        /// dry part way, the pages placed so far are mapped.
        /// </summary>
        internal static int ResolveFault(ulong badge, ulong address, System.Span<ulong> pages, System.Span<ulong> poolAddresses)
        {
            s_lock.Acquire();
            int planned = s_book.PlanFault(badge, address, pages, out int client);
            int placed = 0;
            while (placed < planned)
            {
                PagePlacement placement = s_book.Place(client, pages[placed], out int page);
                ulong poolAddress = placement == PagePlacement.None ? 0 : Prepare(placement, page);
                if (poolAddress == 0)
                {
                    if (placement == PagePlacement.Fresh)
                    {
                        s_book.Unplace(client, pages[placed], page);
                    }
                    break;
                }
                poolAddresses[placed++] = poolAddress;
            }
            s_lock.Release();
            return placed;
        }

        /// <summary>Release: takes back the client's pool pages in the range; the status, and the pages taken back in <paramref name="released"/>.</summary>
        internal static RegionPagerStatus Release(ulong badge, ulong address, ulong length, out ulong released)
        {
            released = 0;
            s_lock.Acquire();
            RegionPagerStatus status = s_book.CheckRelease(badge, address, length, out int client);
            if (status == RegionPagerStatus.Ok)
            {
                for (ulong offset = 0; offset < length; offset += UserLayout.PageSize)
                {
                    if (s_book.TryTakeBack(client, address + offset, out int page))
                    {
                        UnmapDerived(s_book.PoolAddressOf(page));
                        released++;
                    }
                }
            }
            s_lock.Release();
            return status;
        }

        /// <summary>Statistics for the client <paramref name="badge"/> names: its pages, the pool's pages and free pages.</summary>
        internal static RegionPagerStatus Statistics(ulong badge, out ulong clientPages, out ulong poolPages, out ulong freePages)
        {
            s_lock.Acquire();
            RegionPagerStatus status = RegionPagerStatus.UnknownClient;
            clientPages = 0;
            if (s_book.Clients.TryFind(badge, out int client))
            {
                clientPages = (ulong)s_book.PagesOf(client);
                status = RegionPagerStatus.Ok;
            }
            poolPages = (ulong)s_book.Pool.ObtainedCount;
            freePages = (ulong)s_book.Pool.FreeCount;
            s_lock.Release();
            return status;
        }

        // Makes a taken page ready: a fresh one is asked of sigma0 (0 when sigma0 has no frame), a reused one zeroed.
        private static ulong Prepare(PagePlacement placement, int page)
        {
            ulong address = s_book.PoolAddressOf(page);
            if (placement == PagePlacement.Fresh)
            {
                Sigma0Status status = Sigma0Client.AllocateAny(WellKnownSlots.RootSigma0Memory, Flexpage.MinimumSizeLog2, address, out _);
                return status == Sigma0Status.Success ? address : 0;
            }
            else if (placement == PagePlacement.Reused)
            {
                NativeMemory.Clear((void*)address, (nuint)UserLayout.PageSize);
            }
            return address;
        }

        private static void UnmapDerived(ulong poolAddress)
        {
            if (Flexpage.TryCreate(poolAddress, Flexpage.MinimumSizeLog2, FlexpageRights.All, out Flexpage pages) == MessageError.None)
            {
                AddressSpace.Unmap(pages);
            }
        }
    }
}
