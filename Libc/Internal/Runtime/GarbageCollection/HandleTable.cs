namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The slots behind GCHandle: each holds an object's reference and a kind. Normal and pinned handles are roots (objects
    /// never move, so pinning needs nothing more); weak handles are not, and a collection clears those whose object it
    /// did not find reachable. The slots are raw heap memory, which the collector never scans by itself. Every call runs
    /// with the heap lock held (ManagedHeap's handle functions take it).
    /// </summary>
    internal static unsafe class HandleTable
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

        private static Slot* s_slots;
        private static int s_capacity;
        private static int s_used;
        private static nuint s_firstFree; // index + 1; 0: none

        /// <summary>A new handle (a slot index + 1, never 0), or 0 when the heap is out of memory.</summary>
        public static nint Allocate(Heap* heap, nuint target, int kind)
        {
            int index;
            if (s_firstFree != 0)
            {
                index = (int)s_firstFree - 1;
                s_firstFree = s_slots[index].Target;
            }
            else
            {
                if (s_used == s_capacity && !Grow(heap))
                {
                    return 0;
                }
                index = s_used++;
            }
            s_slots[index].Target = target;
            s_slots[index].State = (nuint)kind + 1;
            return index + 1;
        }

        /// <summary>True when <paramref name="handle"/> names a slot in use.</summary>
        public static bool IsValid(nint handle) => handle > 0 && handle <= s_used && s_slots[handle - 1].State != 0;

        public static void Free(nint handle)
        {
            Slot* slot = s_slots + (handle - 1);
            slot->State = 0;
            slot->Target = s_firstFree;
            s_firstFree = (nuint)handle;
        }

        public static nuint Target(nint handle) => s_slots[handle - 1].Target;

        public static void SetTarget(nint handle, nuint target) => s_slots[handle - 1].Target = target;

        public static int Kind(nint handle) => (int)s_slots[handle - 1].State - 1;

        /// <summary>Offers the objects of normal and pinned handles as roots.</summary>
        public static void MarkStrongHandles(ObjectMarker* marker)
        {
            for (int i = 0; i < s_used; i++)
            {
                int kind = (int)s_slots[i].State - 1;
                if ((kind == Normal || kind == Pinned) && s_slots[i].Target != 0)
                {
                    marker->MarkReference(s_slots[i].Target);
                }
            }
        }

        /// <summary>After marking, before the sweep: weak handles whose object was not reached let go of it.</summary>
        public static void ClearUnreachableWeakHandles(Heap* heap)
        {
            for (int i = 0; i < s_used; i++)
            {
                int kind = (int)s_slots[i].State - 1;
                nuint target = s_slots[i].Target;
                if ((kind == Weak || kind == WeakTrackResurrection) && target != 0)
                {
                    byte* block = heap->FindObject(target);
                    if (block != null && !heap->IsMarked(block))
                    {
                        s_slots[i].Target = 0;
                    }
                }
            }
        }

        private static bool Grow(Heap* heap)
        {
            int capacity = s_capacity == 0 ? InitialCapacity : s_capacity * 2;
            Slot* slots = (Slot*)heap->Allocate((nuint)(capacity * sizeof(Slot)));
            if (slots == null)
            {
                return false;
            }
            for (int i = 0; i < s_used; i++)
            {
                slots[i] = s_slots[i];
            }
            if (s_slots != null)
            {
                heap->Free(s_slots);
            }
            s_slots = slots;
            s_capacity = capacity;
            return true;
        }
    }
}
