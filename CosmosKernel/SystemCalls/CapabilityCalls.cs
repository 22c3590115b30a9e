using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Ipc;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>Creating ports and notifications, and copying, minting, moving, deleting, revoking, inspecting and giving capabilities.</summary>
    internal static unsafe class CapabilityCalls
    {
        /// <summary>PortCreate() -> slot of a new port capability with Receive, Send and Grant.</summary>
        public static long CreatePort()
        {
            Port* port = KernelObjects.Ports->Allocate(out KernelObjectReference reference);
            if (port == null)
            {
                return (long)SystemCallError.LimitReached;
            }
            return InsertNew(CapabilityKind.Port, reference);
        }

        /// <summary>NotificationCreate() -> slot of a new notification capability with Receive, Send and Grant.</summary>
        public static long CreateNotification()
        {
            Notification* notification = KernelObjects.Notifications->Allocate(out KernelObjectReference reference);
            if (notification == null)
            {
                return (long)SystemCallError.LimitReached;
            }
            return InsertNew(CapabilityKind.Notification, reference);
        }

        /// <summary>CapabilityCopy(source, destination or 0, rights, badge or 0) -> destination slot.</summary>
        public static long Copy(ulong source, ulong destination, ulong rights, ulong badge)
        {
            if (rights > (ulong)CapabilityRights.All)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = CapabilitySpace.Transfer(task, source, task, destination, (CapabilityRights)rights, badge, false, out uint placed);
            return error != SystemCallError.None ? (long)error : placed;
        }

        /// <summary>CapabilityMove(source, destination or 0) -> destination slot.</summary>
        public static long Move(ulong source, ulong destination)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = CapabilitySpace.Transfer(task, source, task, destination, CapabilityRights.None, 0, true, out uint placed);
            return error != SystemCallError.None ? (long)error : placed;
        }

        /// <summary>CapabilityDelete(slot) -> 0.</summary>
        public static long Delete(ulong slot) => (long)CapabilitySpace.Delete(SystemCallDispatcher.CurrentTask, slot);

        /// <summary>CapabilityRevoke(slot) -> 0.</summary>
        public static long Revoke(ulong slot) => (long)CapabilitySpace.Revoke(SystemCallDispatcher.CurrentTask, slot);

        /// <summary>CapabilityInformation(slot) -> kind | rights &lt;&lt; 8 | stale &lt;&lt; 16; second result: the badge.</summary>
        public static long Information(ulong slot, ulong* badge)
        {
            SystemCallError error = CapabilitySpace.Read(SystemCallDispatcher.CurrentTask, slot, out Capability capability);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            *badge = capability.Badge;
            ulong stale = CapabilitySpace.IsLive(capability) ? 0UL : 1UL;
            return (long)((ulong)capability.Kind | ((ulong)capability.Rights << 8) | (stale << 16));
        }

        /// <summary>
        /// CapabilityGive(task, source, destination in the task or 0, rights, flags: 1 move) -> the slot in the task's table.
        /// Needs Control over the task (a Task capability naming it) and Grant on the source capability.
        /// </summary>
        public static long Give(ulong taskId, ulong source, ulong destination, ulong rights, ulong flags)
        {
            if (rights > (ulong)CapabilityRights.All || flags > 1)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            TaskControlBlock* target = SystemCallDispatcher.ControlledTask(taskId, out SystemCallError error);
            if (target == null)
            {
                return (long)error;
            }
            if (target->Life != TaskLife.Alive)
            {
                return (long)SystemCallError.WrongState;
            }
            error = CapabilitySpace.Transfer(SystemCallDispatcher.CurrentTask, source, target, destination, (CapabilityRights)rights, 0, flags == 1, out uint placed);
            return error != SystemCallError.None ? (long)error : placed;
        }

        private static long InsertNew(CapabilityKind kind, KernelObjectReference reference)
        {
            Capability capability = new Capability(kind, CapabilityRights.Receive | CapabilityRights.Send | CapabilityRights.Grant, reference);
            SystemCallError error = CapabilitySpace.Insert(SystemCallDispatcher.CurrentTask, 0, capability, out uint slot);
            if (error != SystemCallError.None)
            {
                // No slot: the object was never referenced; free it again.
                if (kind == CapabilityKind.Port)
                {
                    KernelObjects.Ports->Free(reference);
                }
                else
                {
                    KernelObjects.Notifications->Free(reference);
                }
                return (long)error;
            }
            return slot;
        }
    }
}
