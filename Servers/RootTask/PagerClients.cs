using Cosmos.Api.Memory;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The region pager's clients: a fixed table of slots, each holding one task the root task created, the badge of the
    /// pager capability minted for it (from <see cref="RegionPagerProtocol.FirstClientBadge"/> upwards, never reused, so a
    /// capability of an ended client never names a new one) and its anonymous regions. Pure logic, host-tested; the
    /// caller serialises access.
    /// </summary>
    internal sealed class PagerClients
    {
        private readonly ulong[] _badges;
        private readonly ulong[] _tasks;
        private ulong _nextBadge = RegionPagerProtocol.FirstClientBadge;

        public PagerClients(int capacity)
        {
            _badges = new ulong[capacity];
            _tasks = new ulong[capacity];
        }

        public int Capacity => _badges.Length;

        /// <summary>Takes a free slot for <paramref name="task"/> and a new badge; false when the table is full.</summary>
        public bool TryAdd(ulong task, out int client, out ulong badge)
        {
            for (int slot = 0; slot < _badges.Length; slot++)
            {
                if (_badges[slot] == 0)
                {
                    badge = _nextBadge++;
                    _badges[slot] = badge;
                    _tasks[slot] = task;
                    client = slot;
                    return true;
                }
            }
            client = -1;
            badge = 0;
            return false;
        }

        /// <summary>The live client a pager capability's badge names.</summary>
        public bool TryFind(ulong badge, out int client)
        {
            if (badge >= RegionPagerProtocol.FirstClientBadge)
            {
                for (int slot = 0; slot < _badges.Length; slot++)
                {
                    if (_badges[slot] == badge)
                    {
                        client = slot;
                        return true;
                    }
                }
            }
            client = -1;
            return false;
        }

        public bool IsLive(int client) => (uint)client < (uint)_badges.Length && _badges[client] != 0;

        public ulong TaskOf(int client) => _tasks[client];

        public ulong BadgeOf(int client) => _badges[client];

        /// <summary>Frees the slot (its pages must have been taken back first).</summary>
        public void Remove(int client)
        {
            _badges[client] = 0;
            _tasks[client] = 0;
        }

        /// <summary>True when <paramref name="address"/> lies in one of the client's anonymous regions.</summary>
        public bool IsAnonymous(int client, ulong address) => AnonymousRegion.Heap.Contains(address) || AnonymousRegion.Stack.Contains(address);

        /// <summary>True when the non-empty range lies inside one of the client's anonymous regions.</summary>
        public bool IsAnonymousRange(int client, ulong address, ulong length)
            => AnonymousRegion.Heap.ContainsRange(address, length) || AnonymousRegion.Stack.ContainsRange(address, length);
    }
}
