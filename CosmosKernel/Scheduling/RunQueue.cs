namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// The ready queue of a fixed-priority round-robin scheduler: 256 priority levels (255 highest), one
    /// circular FIFO per level, and a 256-bit bitmap of non-empty levels so the highest ready priority is
    /// found with four word tests and a bit scan. Threads are named by their thread-table slot; links are
    /// kept in arrays indexed by slot, so enqueue, dequeue and removal are O(1) and allocate nothing.
    /// Not thread-safe: the kernel runs it with interrupts off. Pure logic: compiled into the host tests too.
    /// </summary>
    public sealed class RunQueue
    {
        public const int PriorityLevels = 256;
        private const int NotQueued = -1;

        private readonly int[] _next;
        private readonly int[] _previous;
        private readonly byte[] _priority;
        private readonly int[] _head;
        private readonly ulong[] _nonEmpty = new ulong[PriorityLevels / 64];
        private int _count;

        public RunQueue(int capacity)
        {
            _next = new int[capacity];
            _previous = new int[capacity];
            _priority = new byte[capacity];
            _head = new int[PriorityLevels];
            for (int i = 0; i < capacity; i++)
            {
                _next[i] = NotQueued;
                _previous[i] = NotQueued;
            }
            for (int level = 0; level < PriorityLevels; level++)
            {
                _head[level] = NotQueued;
            }
        }

        public int Count => _count;

        public int Capacity => _next.Length;

        public bool Contains(int slot) => _next[slot] != NotQueued;

        /// <summary>Appends a thread at the tail of its priority's queue. Returns false if the slot is already queued.</summary>
        public bool Enqueue(int slot, byte priority)
        {
            if (_next[slot] != NotQueued)
            {
                return false;
            }
            _priority[slot] = priority;
            int head = _head[priority];
            if (head == NotQueued)
            {
                _head[priority] = slot;
                _next[slot] = slot;
                _previous[slot] = slot;
                _nonEmpty[priority >> 6] |= 1UL << (priority & 63);
            }
            else
            {
                int tail = _previous[head];
                _next[tail] = slot;
                _previous[slot] = tail;
                _next[slot] = head;
                _previous[head] = slot;
            }
            _count++;
            return true;
        }

        /// <summary>Puts a thread at the head of its priority's queue (it keeps the CPU next, e.g. after a preempted time slice was not used up).</summary>
        public bool EnqueueFront(int slot, byte priority)
        {
            if (!Enqueue(slot, priority))
            {
                return false;
            }
            _head[priority] = slot;
            return true;
        }

        /// <summary>Removes a queued thread from wherever it is. Returns false if it was not queued.</summary>
        public bool Remove(int slot)
        {
            int next = _next[slot];
            if (next == NotQueued)
            {
                return false;
            }
            byte priority = _priority[slot];
            if (next == slot)
            {
                _head[priority] = NotQueued;
                _nonEmpty[priority >> 6] &= ~(1UL << (priority & 63));
            }
            else
            {
                int previous = _previous[slot];
                _next[previous] = next;
                _previous[next] = previous;
                if (_head[priority] == slot)
                {
                    _head[priority] = next;
                }
            }
            _next[slot] = NotQueued;
            _previous[slot] = NotQueued;
            _count--;
            return true;
        }

        /// <summary>The highest priority with a ready thread, or -1 when the queue is empty.</summary>
        public int HighestPriority()
        {
            for (int word = _nonEmpty.Length - 1; word >= 0; word--)
            {
                ulong bits = _nonEmpty[word];
                if (bits != 0)
                {
                    return word * 64 + 63 - LeadingZeroCount(bits);
                }
            }
            return -1;
        }

        /// <summary>The thread that would run next (head of the highest non-empty level), or -1.</summary>
        public int Peek()
        {
            int priority = HighestPriority();
            return priority < 0 ? -1 : _head[priority];
        }

        /// <summary>Removes and returns the next thread to run, or -1 when none is ready.</summary>
        public int Dequeue()
        {
            int slot = Peek();
            if (slot >= 0)
            {
                Remove(slot);
            }
            return slot;
        }

        private static int LeadingZeroCount(ulong value)
        {
            int count = 0;
            if ((value & 0xFFFFFFFF00000000) == 0) { count += 32; value <<= 32; }
            if ((value & 0xFFFF000000000000) == 0) { count += 16; value <<= 16; }
            if ((value & 0xFF00000000000000) == 0) { count += 8; value <<= 8; }
            if ((value & 0xF000000000000000) == 0) { count += 4; value <<= 4; }
            if ((value & 0xC000000000000000) == 0) { count += 2; value <<= 2; }
            if ((value & 0x8000000000000000) == 0) { count += 1; }
            return count;
        }
    }
}
