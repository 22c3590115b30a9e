namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Which pool page backs which page of which client: a record per pool page (the client's slot and the page's address
    /// in the client) found through an open-addressing hash table keyed by (client, address), and linked into a list per
    /// client so that a client's pages can all be taken back when it ends. Every structure is sized at construction
    /// (the hash table holds at least twice the pool's pages, so probes stay short); nothing is allocated afterwards.
    /// Pure logic, host-tested; the caller serialises access.
    /// </summary>
    internal sealed class ClientPageMap
    {
        private const int None = -1;

        // Bucket value: pool page + 1; 0 is an empty bucket.
        private readonly int[] _buckets;
        private readonly int _hashShift;
        private readonly ulong[] _addresses;
        private readonly int[] _clients;
        private readonly int[] _next;
        private readonly int[] _previous;
        private readonly int[] _clientHeads;
        private readonly int[] _clientCounts;

        public ClientPageMap(int poolCapacity, int clientCapacity)
        {
            int bucketBits = 1;
            while ((1L << bucketBits) < 2L * poolCapacity)
            {
                bucketBits++;
            }
            _buckets = new int[1 << bucketBits];
            _hashShift = 64 - bucketBits;
            _addresses = new ulong[poolCapacity];
            _clients = new int[poolCapacity];
            _next = new int[poolCapacity];
            _previous = new int[poolCapacity];
            System.Array.Fill(_clients, None);
            _clientHeads = new int[clientCapacity];
            System.Array.Fill(_clientHeads, None);
            _clientCounts = new int[clientCapacity];
        }

        /// <summary>How many pool pages back pages of <paramref name="client"/>.</summary>
        public int CountOf(int client) => _clientCounts[client];

        /// <summary>The pool page backing <paramref name="client"/>'s page at <paramref name="address"/> (page-aligned), if any.</summary>
        public bool TryFind(int client, ulong address, out int page)
        {
            int bucket = FindBucket(client, address);
            page = bucket < 0 ? None : _buckets[bucket] - 1;
            return bucket >= 0;
        }

        /// <summary>Records that pool <paramref name="page"/> (unrecorded) backs <paramref name="client"/>'s page at <paramref name="address"/> (not recorded yet).</summary>
        public void Add(int client, ulong address, int page)
        {
            _addresses[page] = address;
            _clients[page] = client;
            int bucket = HomeOf(client, address);
            while (_buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & (_buckets.Length - 1);
            }
            _buckets[bucket] = page + 1;
            int head = _clientHeads[client];
            _next[page] = head;
            _previous[page] = None;
            if (head != None)
            {
                _previous[head] = page;
            }
            _clientHeads[client] = page;
            _clientCounts[client]++;
        }

        /// <summary>Forgets <paramref name="client"/>'s page at <paramref name="address"/>; returns the pool page that backed it.</summary>
        public bool TryRemove(int client, ulong address, out int page)
        {
            int bucket = FindBucket(client, address);
            if (bucket < 0)
            {
                page = None;
                return false;
            }
            page = _buckets[bucket] - 1;
            RemoveAt(bucket, page);
            return true;
        }

        /// <summary>Forgets one of <paramref name="client"/>'s pages (any); false when it has none left.</summary>
        public bool TryRemoveAny(int client, out int page, out ulong address)
        {
            page = _clientHeads[client];
            if (page == None)
            {
                address = 0;
                return false;
            }
            address = _addresses[page];
            RemoveAt(FindBucket(client, address), page);
            return true;
        }

        private void RemoveAt(int bucket, int page)
        {
            int client = _clients[page];
            int next = _next[page];
            int previous = _previous[page];
            if (previous == None)
            {
                _clientHeads[client] = next;
            }
            else
            {
                _next[previous] = next;
            }
            if (next != None)
            {
                _previous[next] = previous;
            }
            _clientCounts[client]--;
            _clients[page] = None;
            DeleteBucket(bucket);
        }

        // Backward-shift deletion: later entries of the probe run move up, so no tombstones are needed.
        private void DeleteBucket(int hole)
        {
            int mask = _buckets.Length - 1;
            _buckets[hole] = 0;
            int bucket = hole;
            while (true)
            {
                bucket = (bucket + 1) & mask;
                int value = _buckets[bucket];
                if (value == 0)
                {
                    return;
                }
                int home = HomeOf(_clients[value - 1], _addresses[value - 1]);
                // The entry may stay only if its home lies cyclically in (hole, bucket].
                bool stays = hole < bucket ? home > hole && home <= bucket : home > hole || home <= bucket;
                if (!stays)
                {
                    _buckets[hole] = value;
                    _buckets[bucket] = 0;
                    hole = bucket;
                }
            }
        }

        private int FindBucket(int client, ulong address)
        {
            int mask = _buckets.Length - 1;
            int bucket = HomeOf(client, address);
            while (true)
            {
                int value = _buckets[bucket];
                if (value == 0)
                {
                    return None;
                }
                if (_clients[value - 1] == client && _addresses[value - 1] == address)
                {
                    return bucket;
                }
                bucket = (bucket + 1) & mask;
            }
        }

        // Fibonacci hashing of the page number mixed with the client: the product's top bits pick the bucket.
        private int HomeOf(int client, ulong address)
        {
            ulong key = (address >> 12) ^ ((ulong)(uint)client << 40);
            return (int)((key * 0x9E3779B97F4A7C15UL) >> _hashShift);
        }
    }
}
