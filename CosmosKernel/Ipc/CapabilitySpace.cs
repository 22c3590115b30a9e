using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The kernel's side of every task's capability table: lookups for system calls (kind, rights and staleness
    /// checked), the error each <see cref="CapabilityError"/> becomes, and the bookkeeping every insertion and
    /// deletion needs: ports and notifications count the live capabilities with Receive that name them and are
    /// destroyed when the count reaches zero; deleting an unused reply capability tells its caller PartnerGone.
    /// Every path that adds or removes a capability goes through here so the counts stay exact.
    /// </summary>
    internal static unsafe class CapabilitySpace
    {
        /// <summary>The live capability in <paramref name="slot"/> of <paramref name="task"/>'s table if it is of <paramref name="kind"/> and holds <paramref name="rights"/>.</summary>
        public static SystemCallError Lookup(TaskControlBlock* task, ulong slot, CapabilityKind kind, CapabilityRights rights, out Capability capability)
        {
            capability = Capability.Empty;
            if (slot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            KernelObjects.Generations generations = default;
            return ToError(task->Capabilities.Lookup(new CapabilitySlot((uint)slot), kind, rights, ref generations, out capability));
        }

        /// <summary>Reads a slot with only the slot checks (kind, rights and staleness are the caller's business).</summary>
        public static SystemCallError Read(TaskControlBlock* task, ulong slot, out Capability capability)
        {
            capability = Capability.Empty;
            if (slot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            return ToError(task->Capabilities.Read(new CapabilitySlot((uint)slot), out capability));
        }

        /// <summary>True when the capability's object is still the one it was made for.</summary>
        public static bool IsLive(Capability capability)
        {
            KernelObjects.Generations generations = default;
            return !capability.IsEmpty && generations.CurrentGeneration(capability.Kind, capability.Object.Index) == capability.Object.Generation;
        }

        /// <summary>True when <paramref name="capability"/> is a Task capability naming <paramref name="task"/> as it is now (its current id).</summary>
        public static bool NamesTask(Capability capability, TaskControlBlock* task) =>
            capability.Kind == CapabilityKind.Task && capability.Object.Index == (uint)task->Id.Slot && capability.Object.Generation == task->Id.Version;

        /// <summary>True when <paramref name="holder"/>'s table has a Task capability with Control naming <paramref name="target"/>: the authority to act on it.</summary>
        public static bool HoldsTaskCapability(TaskControlBlock* holder, TaskControlBlock* target)
        {
            for (uint slot = 1; slot < CapabilityTable.Capacity; slot++)
            {
                if (holder->Capabilities.Read(new CapabilitySlot(slot), out Capability capability) == CapabilityError.None
                    && NamesTask(capability, target) && (capability.Rights & CapabilityRights.Control) != 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Puts a kernel-made capability into <paramref name="slot"/> (0: the lowest free one) and counts it.</summary>
        public static SystemCallError Insert(TaskControlBlock* task, ulong slot, Capability capability, out uint inserted)
        {
            inserted = 0;
            if (slot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            CapabilityError error;
            if (slot == 0)
            {
                error = task->Capabilities.Insert(capability, out CapabilitySlot free);
                inserted = free.Value;
            }
            else
            {
                error = task->Capabilities.InsertAt(new CapabilitySlot((uint)slot), capability);
                inserted = (uint)slot;
            }
            if (error != CapabilityError.None)
            {
                inserted = 0;
                return ToError(error);
            }
            CountReceiveRight(capability, 1);
            return SystemCallError.None;
        }

        /// <summary>
        /// Copies (or with <paramref name="move"/> moves) a capability from one table to another or within one, with
        /// <paramref name="rights"/> and, for a copy, a new <paramref name="badge"/> (0 keeps the source's). Destination 0:
        /// the lowest free slot.
        /// </summary>
        public static SystemCallError Transfer(TaskControlBlock* source, ulong sourceSlot, TaskControlBlock* destination, ulong destinationSlot,
            CapabilityRights rights, ulong badge, bool move, out uint placed)
        {
            placed = 0;
            if (sourceSlot >= CapabilityTable.Capacity || destinationSlot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            if (destinationSlot == 0 && !destination->Capabilities.FindFreeSlot(out destinationSlot))
            {
                return SystemCallError.LimitReached;
            }
            KernelObjects.Generations generations = default;
            CapabilitySlot from = new CapabilitySlot((uint)sourceSlot);
            CapabilitySlot to = new CapabilitySlot((uint)destinationSlot);
            CapabilityError error;
            if (move)
            {
                error = CapabilityTable.Move(&source->Capabilities, from, &destination->Capabilities, to, ref generations);
            }
            else
            {
                error = CapabilityTable.Mint(&source->Capabilities, from, &destination->Capabilities, to, rights, badge, ref generations);
                if (error == CapabilityError.None)
                {
                    destination->Capabilities.Read(to, out Capability copy);
                    CountReceiveRight(copy, 1);
                }
            }
            if (error != CapabilityError.None)
            {
                return ToError(error);
            }
            placed = to.Value;
            return SystemCallError.None;
        }

        /// <summary>Empties a slot and releases what it held.</summary>
        public static SystemCallError Delete(TaskControlBlock* task, ulong slot)
        {
            if (slot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            CapabilityError error = task->Capabilities.Delete(new CapabilitySlot((uint)slot), out Capability deleted);
            if (error != CapabilityError.None)
            {
                return ToError(error);
            }
            Release(deleted);
            return SystemCallError.None;
        }

        /// <summary>Deletes every capability of an ending task, releasing each (its ports and notifications die with their last receive right).</summary>
        public static void DeleteAll(TaskControlBlock* task)
        {
            Releaser releaser = default;
            task->Capabilities.DeleteAll(ref releaser);
        }

        /// <summary>Revokes a port or notification: every other capability to it goes stale, senders still queued on a port get PartnerGone, and the count of receive rights is now the revoker's one.</summary>
        public static SystemCallError Revoke(TaskControlBlock* task, ulong slot)
        {
            if (slot >= CapabilityTable.Capacity)
            {
                return SystemCallError.InvalidSlot;
            }
            KernelObjects.Generations generations = default;
            CapabilityError error = task->Capabilities.Revoke(new CapabilitySlot((uint)slot), ref generations, out Capability reissued);
            if (error != CapabilityError.None)
            {
                return ToError(error);
            }
            if (reissued.Kind == CapabilityKind.Port)
            {
                Port* port = KernelObjects.Ports->Find(reissued.Object);
                port->ReceiveRights = 1;
                IpcOperations.WakeAll(&port->Senders, (long)SystemCallError.PartnerGone); // they sent through rights now revoked
            }
            else
            {
                KernelObjects.Notifications->Find(reissued.Object)->ReceiveRights = 1;
            }
            return SystemCallError.None;
        }

        /// <summary>What a deleted capability leaves behind: one receive right fewer (destroying the object at zero), or an unanswered caller.</summary>
        public static void Release(Capability capability)
        {
            if (!IsLive(capability))
            {
                return; // stale: its object is gone or no longer counts it
            }
            if (capability.Kind == CapabilityKind.Reply)
            {
                IpcOperations.AbortCall(ThreadTable.At((int)capability.Object.Index));
                return;
            }
            CountReceiveRight(capability, -1);
        }

        /// <summary>Adjusts the receive-right count of a live port or notification; at zero the object is destroyed.</summary>
        private static void CountReceiveRight(Capability capability, int change)
        {
            if ((capability.Rights & CapabilityRights.Receive) == 0)
            {
                return;
            }
            if (capability.Kind == CapabilityKind.Port)
            {
                Port* port = KernelObjects.Ports->Find(capability.Object);
                if (port != null && (port->ReceiveRights += change) <= 0)
                {
                    IpcOperations.DestroyPort(capability.Object);
                }
            }
            else if (capability.Kind == CapabilityKind.Notification)
            {
                Notification* notification = KernelObjects.Notifications->Find(capability.Object);
                if (notification != null && (notification->ReceiveRights += change) <= 0)
                {
                    Notifications.Destroy(capability.Object);
                }
            }
        }

        /// <summary>The system-call error a capability-table error becomes.</summary>
        public static SystemCallError ToError(CapabilityError error)
        {
            switch (error)
            {
                case CapabilityError.None: return SystemCallError.None;
                case CapabilityError.InvalidSlot: return SystemCallError.InvalidSlot;
                case CapabilityError.EmptySlot: return SystemCallError.EmptySlot;
                case CapabilityError.WrongKind: return SystemCallError.WrongKind;
                case CapabilityError.InsufficientRights: return SystemCallError.InsufficientRights;
                case CapabilityError.Stale: return SystemCallError.StaleCapability;
                case CapabilityError.SlotOccupied: return SystemCallError.AlreadyExists;
                case CapabilityError.TableFull: return SystemCallError.LimitReached;
                case CapabilityError.RightsExceedSource: return SystemCallError.RightsExceedSource;
                case CapabilityError.AlreadyBadged:
                case CapabilityError.NotBadgeable: return SystemCallError.NotBadgeable;
                case CapabilityError.NotCopyable: return SystemCallError.NotCopyable;
                case CapabilityError.NotRevocable: return SystemCallError.NotRevocable;
                default: return SystemCallError.InvalidArgument;
            }
        }

        private struct Releaser : IDeletedCapabilityReceiver
        {
            public void Deleted(CapabilitySlot slot, Capability capability) => Release(capability);
        }
    }
}
