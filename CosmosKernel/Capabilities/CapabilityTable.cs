using Cosmos.Api.Ipc;
using System.Numerics;

namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// One task's capability table: <see cref="Capacity"/> slots of <see cref="Capability"/> in memory the caller
    /// provides (<see cref="StorageBytes"/>, e.g. part of a task control block or a frame), plus an occupancy
    /// bitmap inline, so a new capability takes the lowest free slot in four word tests. Slot 0 is the null
    /// slot and never holds a capability. Every operation first checks everything (slots, kind, rights,
    /// staleness, destination) and only then changes state, so a refused operation changes nothing; none
    /// allocates, none faults on bad input. Staleness is asked of an <see cref="IKernelObjectGenerations"/>:
    /// a capability whose recorded generation is not its object's current one is refused as
    /// <see cref="CapabilityError.Stale"/>. Not thread-safe: the kernel runs with interrupts off.
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public unsafe struct CapabilityTable
    {
        /// <summary>Slots per table, including the null slot 0: a task holds at most Capacity - 1 capabilities.</summary>
        public const int Capacity = 256;
        private const int BitmapWords = Capacity / 64;

        private Capability* _slots;
        private fixed ulong _occupied[BitmapWords]; // bit set = slot in use; bit 0 always set (null slot)
        private int _count;

        /// <summary>Bytes of slot storage <see cref="Initialize"/> needs.</summary>
        public static int StorageBytes => Capacity * sizeof(Capability);

        /// <summary>Capabilities held (the null slot not counted).</summary>
        public readonly int Count => _count;

        /// <summary>Makes an empty table over <paramref name="storage"/> (<see cref="StorageBytes"/> bytes, owned by the caller for the table's life).</summary>
        public void Initialize(Capability* storage)
        {
            _slots = storage;
            for (int slot = 0; slot < Capacity; slot++)
            {
                storage[slot] = Capability.Empty;
            }
            for (int word = 0; word < BitmapWords; word++)
            {
                _occupied[word] = 0;
            }
            _occupied[0] = 1;
            _count = 0;
        }

        /// <summary>True when <paramref name="slot"/> may hold a capability (not the null slot, below the capacity).</summary>
        public static bool IsUsable(CapabilitySlot slot) => slot.Value != 0 && slot.Value < Capacity;

        /// <summary>
        /// Puts a capability the kernel made (a new object's, or the root task's initial set) in the lowest free
        /// slot. Errors: InvalidCapability, RightsNotValidForKind, NotBadgeable, TableFull.
        /// </summary>
        public CapabilityError Insert(Capability capability, out CapabilitySlot slot)
        {
            slot = CapabilitySlot.Null;
            CapabilityError error = CheckNew(capability);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (!FindFree(out CapabilitySlot free))
            {
                return CapabilityError.TableFull;
            }
            Store(free, capability);
            slot = free;
            return CapabilityError.None;
        }

        /// <summary>
        /// Puts a capability the kernel made in a chosen empty slot. Errors: InvalidCapability,
        /// RightsNotValidForKind, NotBadgeable, InvalidSlot, SlotOccupied.
        /// </summary>
        public CapabilityError InsertAt(CapabilitySlot slot, Capability capability)
        {
            CapabilityError error = CheckNew(capability);
            if (error != CapabilityError.None)
            {
                return error;
            }
            error = CheckDestination(slot);
            if (error != CapabilityError.None)
            {
                return error;
            }
            Store(slot, capability);
            return CapabilityError.None;
        }

        /// <summary>
        /// The capability in <paramref name="slot"/> if it is of <paramref name="expectedKind"/>, live and holds
        /// every right in <paramref name="requiredRights"/>; checked in this order: InvalidSlot, EmptySlot,
        /// WrongKind, Stale, InsufficientRights. On error <paramref name="capability"/> is empty.
        /// </summary>
        public CapabilityError Lookup<TGenerations>(CapabilitySlot slot, CapabilityKind expectedKind, CapabilityRights requiredRights,
            ref TGenerations generations, out Capability capability)
            where TGenerations : struct, IKernelObjectGenerations
        {
            capability = Capability.Empty;
            CapabilityError error = Read(slot, out Capability found);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (found.Kind != expectedKind)
            {
                return CapabilityError.WrongKind;
            }
            if (IsStale(found, ref generations))
            {
                return CapabilityError.Stale;
            }
            if (!CapabilityRightsArithmetic.Contains(found.Rights, requiredRights))
            {
                return CapabilityError.InsufficientRights;
            }
            capability = found;
            return CapabilityError.None;
        }

        /// <summary>The slot's content without kind, rights or staleness checks (for diagnostics and deletion). Errors: InvalidSlot, EmptySlot.</summary>
        public readonly CapabilityError Read(CapabilitySlot slot, out Capability capability)
        {
            capability = Capability.Empty;
            if (!IsUsable(slot))
            {
                return CapabilityError.InvalidSlot;
            }
            Capability found = _slots[slot.Value];
            if (found.IsEmpty)
            {
                return CapabilityError.EmptySlot;
            }
            capability = found;
            return CapabilityError.None;
        }

        /// <summary>
        /// Copies a live capability with <paramref name="rights"/> (a subset of the source's) and the source's
        /// badge into an empty destination slot, in the same or another table; to another table the source must
        /// hold Grant. Errors, in order: InvalidSlot/EmptySlot/Stale (source), NotCopyable, RightsExceedSource,
        /// InsufficientRights (no Grant across tables), InvalidSlot/SlotOccupied (destination).
        /// </summary>
        public static CapabilityError Copy<TGenerations>(CapabilityTable* source, CapabilitySlot sourceSlot,
            CapabilityTable* destination, CapabilitySlot destinationSlot, CapabilityRights rights, ref TGenerations generations)
            where TGenerations : struct, IKernelObjectGenerations
        {
            return Mint(source, sourceSlot, destination, destinationSlot, rights, 0, ref generations);
        }

        /// <summary>
        /// Like <see cref="Copy{TGenerations}"/>, and a non-zero <paramref name="badge"/> is set on the new capability; badge 0
        /// keeps the source's badge (a plain copy). A badge is set only once: minting a badge from a badged
        /// capability is refused. Errors as Copy, plus NotBadgeable and AlreadyBadged after RightsExceedSource.
        /// </summary>
        public static CapabilityError Mint<TGenerations>(CapabilityTable* source, CapabilitySlot sourceSlot,
            CapabilityTable* destination, CapabilitySlot destinationSlot, CapabilityRights rights, ulong badge, ref TGenerations generations)
            where TGenerations : struct, IKernelObjectGenerations
        {
            CapabilityError error = source->ReadLive(sourceSlot, ref generations, out Capability original);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (!CapabilityKinds.IsCopyable(original.Kind))
            {
                return CapabilityError.NotCopyable;
            }
            if (!CapabilityRightsArithmetic.IsSubsetOf(rights, original.Rights))
            {
                return CapabilityError.RightsExceedSource;
            }
            if (badge != 0)
            {
                if (!CapabilityKinds.IsBadgeable(original.Kind))
                {
                    return CapabilityError.NotBadgeable;
                }
                if (original.IsBadged)
                {
                    return CapabilityError.AlreadyBadged;
                }
            }
            if (source != destination && !CapabilityRightsArithmetic.Contains(original.Rights, CapabilityRights.Grant))
            {
                return CapabilityError.InsufficientRights;
            }
            error = destination->CheckDestination(destinationSlot);
            if (error != CapabilityError.None)
            {
                return error;
            }
            Capability derived = original.WithRights(rights);
            if (badge != 0)
            {
                derived = derived.WithBadge(badge);
            }
            destination->Store(destinationSlot, derived);
            return CapabilityError.None;
        }

        /// <summary>
        /// Moves a live capability, unchanged, to an empty destination slot and empties the source; to another
        /// table the capability must hold Grant. Any kind moves, Reply included. Errors, in order:
        /// InvalidSlot/EmptySlot/Stale (source), InsufficientRights, InvalidSlot/SlotOccupied (destination).
        /// </summary>
        public static CapabilityError Move<TGenerations>(CapabilityTable* source, CapabilitySlot sourceSlot,
            CapabilityTable* destination, CapabilitySlot destinationSlot, ref TGenerations generations)
            where TGenerations : struct, IKernelObjectGenerations
        {
            CapabilityError error = source->ReadLive(sourceSlot, ref generations, out Capability moving);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (source != destination && !CapabilityRightsArithmetic.Contains(moving.Rights, CapabilityRights.Grant))
            {
                return CapabilityError.InsufficientRights;
            }
            error = destination->CheckDestination(destinationSlot);
            if (error != CapabilityError.None)
            {
                return error;
            }
            source->Clear(sourceSlot);
            destination->Store(destinationSlot, moving);
            return CapabilityError.None;
        }

        /// <summary>
        /// Empties a slot, stale capabilities included, and returns what it held so the caller can release the
        /// object. Errors: InvalidSlot, EmptySlot.
        /// </summary>
        public CapabilityError Delete(CapabilitySlot slot, out Capability deleted)
        {
            CapabilityError error = Read(slot, out deleted);
            if (error != CapabilityError.None)
            {
                return error;
            }
            Clear(slot);
            return CapabilityError.None;
        }

        /// <summary>
        /// Empties every slot, lowest first, telling <paramref name="receiver"/> of each capability after its
        /// slot is emptied (a task's end). Returns how many were deleted.
        /// </summary>
        public int DeleteAll<TReceiver>(ref TReceiver receiver)
            where TReceiver : struct, IDeletedCapabilityReceiver
        {
            int deleted = 0;
            for (uint index = 1; index < Capacity; index++)
            {
                Capability capability = _slots[index];
                if (capability.IsEmpty)
                {
                    continue;
                }
                CapabilitySlot slot = new CapabilitySlot(index);
                Clear(slot);
                receiver.Deleted(slot, capability);
                deleted++;
            }
            return deleted;
        }

        /// <summary>
        /// Revokes a port or notification: advances the object's generation, so every other capability to it
        /// (each send right, badged or not, in any table, and any other receive right) goes stale at once, and
        /// re-issues the capability in <paramref name="slot"/> with the new generation. Needs Receive. Errors,
        /// in order: InvalidSlot, EmptySlot, Stale, NotRevocable (kind), InsufficientRights.
        /// </summary>
        public CapabilityError Revoke<TGenerations>(CapabilitySlot slot, ref TGenerations generations, out Capability reissued)
            where TGenerations : struct, IKernelObjectGenerations
        {
            reissued = Capability.Empty;
            CapabilityError error = ReadLive(slot, ref generations, out Capability holder);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (!CapabilityKinds.IsRevocable(holder.Kind))
            {
                return CapabilityError.NotRevocable;
            }
            if (!CapabilityRightsArithmetic.Contains(holder.Rights, CapabilityRights.Receive))
            {
                return CapabilityError.InsufficientRights;
            }
            uint generation = generations.AdvanceGeneration(holder.Kind, holder.Object.Index);
            reissued = holder.WithGeneration(generation);
            _slots[slot.Value] = reissued;
            return CapabilityError.None;
        }

        /// <summary>True when the capability's recorded generation is not its object's current one.</summary>
        private static bool IsStale<TGenerations>(Capability capability, ref TGenerations generations)
            where TGenerations : struct, IKernelObjectGenerations
        {
            return generations.CurrentGeneration(capability.Kind, capability.Object.Index) != capability.Object.Generation;
        }

        /// <summary>Read, then refuse a stale capability. Errors: InvalidSlot, EmptySlot, Stale.</summary>
        private readonly CapabilityError ReadLive<TGenerations>(CapabilitySlot slot, ref TGenerations generations, out Capability capability)
            where TGenerations : struct, IKernelObjectGenerations
        {
            CapabilityError error = Read(slot, out capability);
            if (error != CapabilityError.None)
            {
                return error;
            }
            if (IsStale(capability, ref generations))
            {
                capability = Capability.Empty;
                return CapabilityError.Stale;
            }
            return CapabilityError.None;
        }

        /// <summary>Checks a capability the kernel hands in: known kind, a live-looking object, rights and badge the kind allows.</summary>
        private static CapabilityError CheckNew(Capability capability)
        {
            CapabilityRights allowed = CapabilityKinds.AllowedRights(capability.Kind);
            if (allowed == CapabilityRights.None || capability.Object.IsNone)
            {
                return CapabilityError.InvalidCapability;
            }
            if (!CapabilityRightsArithmetic.IsSubsetOf(capability.Rights, allowed))
            {
                return CapabilityError.RightsNotValidForKind;
            }
            if (capability.IsBadged && !CapabilityKinds.IsBadgeable(capability.Kind))
            {
                return CapabilityError.NotBadgeable;
            }
            return CapabilityError.None;
        }

        /// <summary>Errors: InvalidSlot, SlotOccupied.</summary>
        private readonly CapabilityError CheckDestination(CapabilitySlot slot)
        {
            if (!IsUsable(slot))
            {
                return CapabilityError.InvalidSlot;
            }
            return _slots[slot.Value].IsEmpty ? CapabilityError.None : CapabilityError.SlotOccupied;
        }

        /// <summary>The number of the lowest free slot, or false when every slot is in use.</summary>
        public readonly bool FindFreeSlot(out ulong slot)
        {
            bool found = FindFree(out CapabilitySlot free);
            slot = free.Value;
            return found;
        }

        /// <summary>The lowest free slot, or false when all are in use.</summary>
        private readonly bool FindFree(out CapabilitySlot slot)
        {
            for (int word = 0; word < BitmapWords; word++)
            {
                ulong free = ~_occupied[word];
                if (free != 0)
                {
                    slot = new CapabilitySlot((uint)(word * 64 + BitOperations.TrailingZeroCount(free)));
                    return true;
                }
            }
            slot = CapabilitySlot.Null;
            return false;
        }

        /// <summary>Fills an empty usable slot (the caller checked).</summary>
        private void Store(CapabilitySlot slot, Capability capability)
        {
            _slots[slot.Value] = capability;
            _occupied[slot.Value >> 6] |= 1UL << (int)(slot.Value & 63);
            _count++;
        }

        /// <summary>Empties an occupied usable slot (the caller checked).</summary>
        private void Clear(CapabilitySlot slot)
        {
            _slots[slot.Value] = Capability.Empty;
            _occupied[slot.Value >> 6] &= ~(1UL << (int)(slot.Value & 63));
            _count--;
        }
    }
}
