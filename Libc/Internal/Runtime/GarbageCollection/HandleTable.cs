namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The slots behind GCHandle: each holds an object's reference and a kind. Normal and pinned handles are roots (objects
    /// never move, so pinning needs nothing more); weak handles are not, and a collection clears those whose object it
    /// did not find reachable. The slots are raw heap memory, which the collector never scans by itself. Every call runs
    /// with the heap lock held (ManagedHeap's handle functions take it).
    /// </summary>
    public unsafe struct HandleTable
    {
        // System.Runtime.InteropServices.GCHandleType's values.
        public const int Weak = 0;
        public const int WeakTrackResurrection = 1;
        public const int Normal = 2;
        public const int Pinned = 3;

        private const int InitialCapacity = 64;

        private struct Slot
        {
            public nuint Target;
            /// <summary>0: free (Target links the next free slot's index + 1); otherwise the handle kind + 1.</summary>
            public nuint State;
        }

        private Slot* _slots;
        private int _capacity;
        private int _used;
        private nuint _firstFree; // index + 1; 0: none

        /// <summary>A new handle (a slot index + 1, never 0), or 0 when the heap is out of memory.</summary>
        public nint Allocate(Heap* heap, nuint target, int kind)
        {
            int index;
            if (_firstFree != 0)
            {
                index = (int)_firstFree - 1;
                _firstFree = _slots[index].Target;
            }
            else
            {
                if (_used == _capacity && !Grow(heap))
                {
                    return 0;
                }
                index = _used++;
            }
            _slots[index].Target = target;
            _slots[index].State = (nuint)kind + 1;
            return index + 1;
        }

        /// <summary>True when <paramref name="handle"/> names a slot in use.</summary>
        public bool IsValid(nint handle) => handle > 0 && handle <= _used && _slots[handle - 1].State != 0;

        public void Free(nint handle)
        {
            Slot* slot = _slots + (handle - 1);
            slot->State = 0;
            slot->Target = _firstFree;
            _firstFree = (nuint)handle;
        }

        public nuint Target(nint handle) => _slots[handle - 1].Target;

        public void SetTarget(nint handle, nuint target) => _slots[handle - 1].Target = target;

        public int Kind(nint handle) => (int)_slots[handle - 1].State - 1;

        /// <summary>Offers the objects of normal and pinned handles as roots.</summary>
        public void MarkStrongHandles(ObjectMarker* marker)
        {
            for (int i = 0; i < _used; i++)
            {
                int kind = (int)_slots[i].State - 1;
                if ((kind == Normal || kind == Pinned) && _slots[i].Target != 0)
                {
                    marker->MarkReference(_slots[i].Target);
                }
            }
        }

        /// <summary>After marking, before the sweep: weak handles whose object was not reached let go of it.</summary>
        public void ClearUnreachableWeakHandles(Heap* heap)
        {
            for (int i = 0; i < _used; i++)
            {
                int kind = (int)_slots[i].State - 1;
                nuint target = _slots[i].Target;
                if ((kind == Weak || kind == WeakTrackResurrection) && target != 0)
                {
                    byte* block = heap->FindObject(target);
                    if (block != null && !heap->IsMarked(block))
                    {
                        _slots[i].Target = 0;
                    }
                }
            }
        }

        private bool Grow(Heap* heap)
        {
            int capacity = _capacity == 0 ? InitialCapacity : _capacity * 2;
            Slot* slots = (Slot*)heap->Allocate((nuint)(capacity * sizeof(Slot)));
            if (slots == null)
            {
                return false;
            }
            for (int i = 0; i < _used; i++)
            {
                slots[i] = _slots[i];
            }
            if (_slots != null)
            {
                heap->Free(_slots);
            }
            _slots = slots;
            _capacity = capacity;
            return true;
        }
    }
}
