namespace CosmosKernel.Scheduling
{
    /// <summary>A thread's links in the run queue; the first field of ThreadControlBlock, so a link pointer is also the thread's.</summary>
    public unsafe struct RunQueueLinks
    {
        public RunQueueLinks* Next;
        public RunQueueLinks* Previous;
        public byte Priority;
        public bool IsQueued;
    }

    /// <summary>
    /// The ready queue of a fixed-priority round-robin scheduler: 256 priority levels (255 highest), one
    /// circular FIFO per level threaded through the threads' own control blocks (intrusive links: no
    /// allocation, no lookup by slot, and no memory touched beyond the threads involved and this struct), and
    /// a 256-bit bitmap of non-empty levels, so the highest ready priority is four word tests and a bit scan.
    /// Enqueue, dequeue and removal are O(1). Not thread-safe: the kernel runs it with interrupts off. The
    /// struct lives in static storage (zeroed = empty). Pure logic: compiled into the host tests too.
    /// </summary>
    public unsafe struct RunQueue
    {
        public const int PriorityLevels = 256;
        private const int BitmapWords = PriorityLevels / 64;

        private fixed ulong _heads[PriorityLevels]; // RunQueueLinks* per level, 0 when empty
        private fixed ulong _nonEmpty[BitmapWords];
        private int _count;

        public readonly int Count => _count;

        /// <summary>Appends a thread at the tail of its priority's queue. Returns false if it is already queued.</summary>
        public bool Enqueue(RunQueueLinks* links, byte priority)
        {
            if (links->IsQueued)
            {
                return false;
            }
            links->IsQueued = true;
            links->Priority = priority;
            RunQueueLinks* head = (RunQueueLinks*)_heads[priority];
            if (head == null)
            {
                _heads[priority] = (ulong)links;
                links->Next = links;
                links->Previous = links;
                _nonEmpty[priority >> 6] |= 1UL << (priority & 63);
            }
            else
            {
                RunQueueLinks* tail = head->Previous;
                tail->Next = links;
                links->Previous = tail;
                links->Next = head;
                head->Previous = links;
            }
            _count++;
            return true;
        }

        /// <summary>Puts a thread at the head of its priority's queue (a preempted thread keeps its turn).</summary>
        public bool EnqueueFront(RunQueueLinks* links, byte priority)
        {
            if (!Enqueue(links, priority))
            {
                return false;
            }
            _heads[priority] = (ulong)links;
            return true;
        }

        /// <summary>Removes a queued thread from wherever it is. Returns false if it was not queued.</summary>
        public bool Remove(RunQueueLinks* links)
        {
            if (!links->IsQueued)
            {
                return false;
            }
            byte priority = links->Priority;
            RunQueueLinks* next = links->Next;
            if (next == links)
            {
                _heads[priority] = 0;
                _nonEmpty[priority >> 6] &= ~(1UL << (priority & 63));
            }
            else
            {
                RunQueueLinks* previous = links->Previous;
                previous->Next = next;
                next->Previous = previous;
                if (_heads[priority] == (ulong)links)
                {
                    _heads[priority] = (ulong)next;
                }
            }
            links->Next = null;
            links->Previous = null;
            links->IsQueued = false;
            _count--;
            return true;
        }

        /// <summary>The highest priority with a ready thread, or -1 when the queue is empty.</summary>
        public readonly int HighestPriority()
        {
            for (int word = BitmapWords - 1; word >= 0; word--)
            {
                ulong bits = _nonEmpty[word];
                if (bits != 0)
                {
                    return word * 64 + 63 - LeadingZeroCount(bits);
                }
            }
            return -1;
        }

        /// <summary>The thread that would run next (head of the highest non-empty level), or null.</summary>
        public readonly RunQueueLinks* Peek()
        {
            int priority = HighestPriority();
            return priority < 0 ? null : (RunQueueLinks*)_heads[priority];
        }

        /// <summary>Removes and returns the next thread to run, or null when none is ready.</summary>
        public RunQueueLinks* Dequeue()
        {
            RunQueueLinks* links = Peek();
            if (links != null)
            {
                Remove(links);
            }
            return links;
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
