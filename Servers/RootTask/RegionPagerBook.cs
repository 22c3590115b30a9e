using Cosmos.Api;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The region pager's bookkeeping, free of system calls: its clients (<see cref="PagerClients"/>), the pool's pages
    /// (<see cref="PoolPages"/>) and which pool page backs which client page (<see cref="ClientPageMap"/>). It decides; the
    /// caller (<see cref="RegionPager"/>) touches, zeroes, maps and unmaps the pool pages it names, holding the pager's lock
    /// around both. Pool page n is at <see cref="PoolAddressOf"/>(n) in the root task. Host-tested.
    /// </summary>
    internal sealed class RegionPagerBook
    {
        private readonly PoolPages _pool;
        private readonly ClientPageMap _map;
        private readonly PagerClients _clients;
        private readonly ulong _poolBase;

        public RegionPagerBook(ulong poolBase, int poolCapacity, int clientCapacity)
        {
            _poolBase = poolBase;
            _pool = new PoolPages(poolCapacity);
            _map = new ClientPageMap(poolCapacity, clientCapacity);
            _clients = new PagerClients(clientCapacity);
        }

        public PoolPages Pool => _pool;

        public PagerClients Clients => _clients;

        public ulong PoolAddressOf(int page) => _poolBase + (ulong)page * UserLayout.PageSize;

        /// <summary>How many pool pages back pages of the client.</summary>
        public int PagesOf(int client) => _map.CountOf(client);

        /// <summary>
        /// A page fault of the client that <paramref name="badge"/> names at <paramref name="address"/>: the pool page to map
        /// at the faulting page (Existing if the client has one there, else a newly taken one), or None when the badge names
        /// no client, the address lies outside its anonymous regions, or the pool is exhausted.
        /// </summary>
        public PagePlacement ResolveFault(ulong badge, ulong address, out int page)
        {
            page = -1;
            if (!_clients.TryFind(badge, out int client) || !_clients.IsAnonymous(client, address))
            {
                return PagePlacement.None;
            }
            return Place(client, address & ~(UserLayout.PageSize - 1), out page);
        }

        /// <summary>
        /// The pages a fault at <paramref name="address"/> of the client <paramref name="badge"/> names should map: the
        /// faulting page first, then every other page of its naturally aligned group of <see cref="FaultGroupPages"/> pages
        /// that lies in the same anonymous region and has no pool page yet (the heap grows and the stack deepens page after
        /// page, so one fault maps what the next ones would ask for). Writes the page addresses into
        /// <paramref name="pages"/> (at least FaultGroupPages long) and returns how many; 0 when the badge names no client or
        /// the address lies outside its anonymous regions. Places nothing.
        /// </summary>
        public int PlanFault(ulong badge, ulong address, System.Span<ulong> pages, out int client)
        {
            if (!_clients.TryFind(badge, out client) || !_clients.IsAnonymous(client, address))
            {
                return 0;
            }
            ulong faultPage = address & ~(UserLayout.PageSize - 1);
            ulong groupStart = faultPage & ~(FaultGroupPages * UserLayout.PageSize - 1);
            int count = 0;
            pages[count++] = faultPage;
            for (ulong page = groupStart; page < groupStart + FaultGroupPages * UserLayout.PageSize; page += UserLayout.PageSize)
            {
                if (page != faultPage && _clients.IsAnonymous(client, page) && !_map.TryFind(client, page, out _))
                {
                    pages[count++] = page;
                }
            }
            return count;
        }

        /// <summary>Pages one fault maps at most (each one map item of the reply).</summary>
        public const int FaultGroupPages = 16;

        /// <summary>The pool page backing the client's page at <paramref name="pageAddress"/> (page-aligned), taking a new one if it has none.</summary>
        public PagePlacement Place(int client, ulong pageAddress, out int page)
        {
            if (_map.TryFind(client, pageAddress, out page))
            {
                return PagePlacement.Existing;
            }
            PagePlacement placement = _pool.Take(out page);
            if (placement != PagePlacement.None)
            {
                _map.Add(client, pageAddress, page);
            }
            return placement;
        }

        /// <summary>Undoes a <see cref="Place"/> that gave a Fresh page the caller could not obtain from sigma0.</summary>
        public void Unplace(int client, ulong pageAddress, int page)
        {
            if (_map.TryRemove(client, pageAddress, out int removed) && removed == page)
            {
                _pool.ReturnUnobtained(page);
            }
        }

        /// <summary>Checks a Release request: the client the badge names, and a page-aligned range inside one of its anonymous regions.</summary>
        public RegionPagerStatus CheckRelease(ulong badge, ulong address, ulong length, out int client)
        {
            if (!_clients.TryFind(badge, out client))
            {
                return RegionPagerStatus.UnknownClient;
            }
            if (((address | length) & (UserLayout.PageSize - 1)) != 0 || !_clients.IsAnonymousRange(client, address, length))
            {
                return RegionPagerStatus.InvalidRange;
            }
            return RegionPagerStatus.Ok;
        }

        /// <summary>
        /// Takes back the pool page backing the client's page at <paramref name="pageAddress"/>, if it has one: the page goes
        /// on the free list (the caller unmaps what was derived from it before it releases the lock).
        /// </summary>
        public bool TryTakeBack(int client, ulong pageAddress, out int page)
        {
            if (!_map.TryRemove(client, pageAddress, out page))
            {
                return false;
            }
            _pool.Give(page);
            return true;
        }

        /// <summary>Takes back any one pool page of the client (for its end); false when none is left.</summary>
        public bool TryTakeBackAny(int client, out int page)
        {
            if (!_map.TryRemoveAny(client, out page, out _))
            {
                return false;
            }
            _pool.Give(page);
            return true;
        }
    }
}
