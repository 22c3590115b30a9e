using CosmosKernel.Capabilities;

namespace CosmosKernel.Objects
{
    /// <summary>
    /// A typed pool of kernel objects of one kind (ports, notifications, reply objects, …): a fixed number of slots in
    /// memory the caller provides (frames, at boot), each with a generation, so that the kernel never allocates from
    /// its managed heap after boot and a <see cref="KernelObjectReference"/> to a freed or revoked object is refused in
    /// O(1). Allocation pops a free list; freeing pushes the slot back and advances its generation. Not thread-safe:
    /// the kernel runs with interrupts off. Pure logic: compiled into the host tests too.
    /// </summary>
    public unsafe struct KernelObjectPool<T>
        where T : unmanaged
    {
        private const uint EndOfList = uint.MaxValue;

        private T* _objects;
        private SlotState* _slots;
        private uint _capacity;
        private uint _firstFree;
        private uint _count;

        private struct SlotState
        {
            /// <summary>The generation of the slot's current (or, when free, next) object; never 0.</summary>
            public uint Generation;
            /// <summary>For a free slot, the next free slot (<see cref="EndOfList"/> ends); <see cref="LiveMarker"/> for a live one.</summary>
            public uint NextFree;
        }

        private const uint LiveMarker = uint.MaxValue - 1;

        /// <summary>The largest capacity (slot numbers must stay below the list markers).</summary>
        public const uint MaximumCapacity = 1u << 24;

        /// <summary>Bytes of storage <see cref="Initialize"/> needs for <paramref name="capacity"/> objects.</summary>
        public static nuint StorageBytes(uint capacity) => (nuint)capacity * (nuint)(sizeof(T) + sizeof(SlotState));

        /// <summary>Lays the pool over <paramref name="storage"/> (<see cref="StorageBytes"/> bytes, 8-byte aligned); every slot free, generation 1. False when the capacity is 0 or too large.</summary>
        public bool Initialize(void* storage, uint capacity)
        {
            if (storage == null || capacity == 0 || capacity > MaximumCapacity)
            {
                return false;
            }
            _objects = (T*)storage;
            _slots = (SlotState*)((byte*)storage + (nuint)capacity * (nuint)sizeof(T));
            _capacity = capacity;
            _count = 0;
            for (uint index = 0; index < capacity; index++)
            {
                _slots[index].Generation = 1;
                _slots[index].NextFree = index + 1 < capacity ? index + 1 : EndOfList;
            }
            _firstFree = 0;
            return true;
        }

        public readonly uint Capacity => _capacity;

        /// <summary>Live objects.</summary>
        public readonly uint Count => _count;

        /// <summary>Takes a free slot: its object zeroed and a reference to it. Null (and <see cref="KernelObjectReference.None"/>) when the pool is full.</summary>
        public T* Allocate(out KernelObjectReference reference)
        {
            uint index = _firstFree;
            if (index == EndOfList || _capacity == 0)
            {
                reference = KernelObjectReference.None;
                return null;
            }
            SlotState* slot = _slots + index;
            _firstFree = slot->NextFree;
            slot->NextFree = LiveMarker;
            _count++;
            T* created = _objects + index;
            *created = default;
            reference = new KernelObjectReference(index, slot->Generation);
            return created;
        }

        /// <summary>The live object <paramref name="reference"/> names, or null when it is out of range, free or of an older generation.</summary>
        public readonly T* Find(KernelObjectReference reference)
        {
            if (reference.Index >= _capacity)
            {
                return null;
            }
            SlotState* slot = _slots + reference.Index;
            return slot->NextFree == LiveMarker && slot->Generation == reference.Generation ? _objects + reference.Index : null;
        }

        /// <summary>The live object in slot <paramref name="index"/> whatever its generation (e.g. the queue a thread waits in, found by index), or null.</summary>
        public readonly T* LiveAt(uint index) => CurrentGeneration(index) == 0 ? null : _objects + index;

        /// <summary>Frees the object <paramref name="reference"/> names: every reference to it goes stale. False (nothing changed) when it is not live.</summary>
        public bool Free(KernelObjectReference reference)
        {
            if (Find(reference) == null)
            {
                return false;
            }
            SlotState* slot = _slots + reference.Index;
            slot->Generation = KernelObjectReference.NextGeneration(slot->Generation);
            slot->NextFree = _firstFree;
            _firstFree = reference.Index;
            _count--;
            return true;
        }

        /// <summary>The generation of the live object in slot <paramref name="index"/>; 0 when the slot is free or out of range.</summary>
        public readonly uint CurrentGeneration(uint index)
        {
            if (index >= _capacity || _slots[index].NextFree != LiveMarker)
            {
                return 0;
            }
            return _slots[index].Generation;
        }

        /// <summary>Gives the live object in slot <paramref name="index"/> a new generation (a revocation: older references go stale, the object stays); 0 when the slot is not live.</summary>
        public uint AdvanceGeneration(uint index)
        {
            if (CurrentGeneration(index) == 0)
            {
                return 0;
            }
            uint next = KernelObjectReference.NextGeneration(_slots[index].Generation);
            _slots[index].Generation = next;
            return next;
        }
    }
}
