namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// Threads waiting for a deadline (sleep, or a wait with a timeout), kept sorted by deadline so the timer
    /// tick looks only at the head. Like <see cref="RunQueue"/> it names threads by thread-table slot and keeps
    /// its links in arrays, so it allocates nothing after construction. Insertion is O(n) in the number of
    /// sleepers (few), removal and the earliest deadline O(1). Pure logic: compiled into the host tests too.
    /// </summary>
    public sealed class SleepQueue
    {
        private const int None = -1;

        private readonly int[] _next;
        private readonly int[] _previous;
        private readonly ulong[] _deadline;
        private readonly bool[] _queued;
        private int _head = None;
        private int _count;

        public SleepQueue(int capacity)
        {
            _next = new int[capacity];
            _previous = new int[capacity];
            _deadline = new ulong[capacity];
            _queued = new bool[capacity];
        }

        public int Count => _count;

        public bool Contains(int slot) => _queued[slot];

        /// <summary>Adds a thread with its deadline; equal deadlines keep insertion order. Returns false if already queued.</summary>
        public bool Insert(int slot, ulong deadline)
        {
            if (_queued[slot])
            {
                return false;
            }
            _queued[slot] = true;
            _deadline[slot] = deadline;
            int previous = None;
            int current = _head;
            while (current != None && _deadline[current] <= deadline)
            {
                previous = current;
                current = _next[current];
            }
            _previous[slot] = previous;
            _next[slot] = current;
            if (previous == None)
            {
                _head = slot;
            }
            else
            {
                _next[previous] = slot;
            }
            if (current != None)
            {
                _previous[current] = slot;
            }
            _count++;
            return true;
        }

        /// <summary>Removes a thread. Returns false if it was not queued.</summary>
        public bool Remove(int slot)
        {
            if (!_queued[slot])
            {
                return false;
            }
            int previous = _previous[slot];
            int next = _next[slot];
            if (previous == None)
            {
                _head = next;
            }
            else
            {
                _next[previous] = next;
            }
            if (next != None)
            {
                _previous[next] = previous;
            }
            _queued[slot] = false;
            _count--;
            return true;
        }

        /// <summary>The thread with the earliest deadline whose deadline is at or before <paramref name="now"/>, removed; -1 if none is due.</summary>
        public int TakeExpired(ulong now)
        {
            int slot = _head;
            if (slot == None || _deadline[slot] > now)
            {
                return None;
            }
            Remove(slot);
            return slot;
        }

        /// <summary>The earliest deadline, or ulong.MaxValue when nobody sleeps.</summary>
        public ulong EarliestDeadline => _head == None ? ulong.MaxValue : _deadline[_head];
    }
}
