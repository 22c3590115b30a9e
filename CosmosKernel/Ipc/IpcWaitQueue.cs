using CosmosKernel.Scheduling;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The threads blocked on one port or notification, linked through their control blocks (IpcNext/IpcPrevious hold
    /// thread-table slot + 1, so 0 ends the list and a zeroed queue is empty). Senders are kept in priority order,
    /// first come first served within a priority; receivers and notification waiters in arrival order. A thread is in
    /// at most one queue at a time; removing it is O(1), which timeouts and task ends need.
    /// </summary>
    internal unsafe struct IpcWaitQueue
    {
        private int _head;
        private int _tail;

        public readonly bool IsEmpty => _head == 0;

        /// <summary>The first thread, or null.</summary>
        public readonly ThreadControlBlock* First => _head == 0 ? null : ThreadTable.At(_head - 1);

        /// <summary>Appends <paramref name="thread"/> at the end.</summary>
        public void Append(ThreadControlBlock* thread)
        {
            int link = thread->Id.Slot + 1;
            thread->IpcNext = 0;
            thread->IpcPrevious = _tail;
            if (_tail == 0)
            {
                _head = link;
            }
            else
            {
                ThreadTable.At(_tail - 1)->IpcNext = link;
            }
            _tail = link;
        }

        /// <summary>Inserts <paramref name="thread"/> after every thread of its priority or higher (priority order, FIFO within one priority).</summary>
        public void InsertByPriority(ThreadControlBlock* thread)
        {
            int after = _tail;
            while (after != 0 && ThreadTable.At(after - 1)->Priority < thread->Priority)
            {
                after = ThreadTable.At(after - 1)->IpcPrevious;
            }
            if (after == _tail)
            {
                Append(thread);
                return;
            }
            int link = thread->Id.Slot + 1;
            int before = after == 0 ? _head : ThreadTable.At(after - 1)->IpcNext;
            thread->IpcPrevious = after;
            thread->IpcNext = before;
            ThreadTable.At(before - 1)->IpcPrevious = link;
            if (after == 0)
            {
                _head = link;
            }
            else
            {
                ThreadTable.At(after - 1)->IpcNext = link;
            }
        }

        /// <summary>Unlinks <paramref name="thread"/>, which must be in this queue.</summary>
        public void Remove(ThreadControlBlock* thread)
        {
            int next = thread->IpcNext;
            int previous = thread->IpcPrevious;
            if (previous == 0)
            {
                _head = next;
            }
            else
            {
                ThreadTable.At(previous - 1)->IpcNext = next;
            }
            if (next == 0)
            {
                _tail = previous;
            }
            else
            {
                ThreadTable.At(next - 1)->IpcPrevious = previous;
            }
            thread->IpcNext = 0;
            thread->IpcPrevious = 0;
        }

        /// <summary>Unlinks and returns the first thread, or null.</summary>
        public ThreadControlBlock* TakeFirst()
        {
            ThreadControlBlock* first = First;
            if (first != null)
            {
                Remove(first);
            }
            return first;
        }
    }
}
