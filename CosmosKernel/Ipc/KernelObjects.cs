using System.Runtime.InteropServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Interrupts;
using CosmosKernel.Objects;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using Internal.Runtime;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The object tables capabilities point into: pools of ports and notifications, made once at boot, and the
    /// generation rule of every kind (<see cref="Generations"/>), which decides whether a capability is stale.
    /// </summary>
    internal static unsafe class KernelObjects
    {
        public const uint PortCapacity = 1024;
        public const uint NotificationCapacity = 1024;

        private static KernelObjectPool<Port>* s_ports;
        private static KernelObjectPool<Notification>* s_notifications;

        public static KernelObjectPool<Port>* Ports => s_ports;

        public static KernelObjectPool<Notification>* Notifications => s_notifications;

        /// <summary>Allocates the pools from the kernel heap (boot only).</summary>
        public static void Initialize()
        {
            s_ports = (KernelObjectPool<Port>*)ManagedHeap.AllocateRaw((nuint)sizeof(KernelObjectPool<Port>));
            s_notifications = (KernelObjectPool<Notification>*)ManagedHeap.AllocateRaw((nuint)sizeof(KernelObjectPool<Notification>));
            *s_ports = default;
            *s_notifications = default;
            s_ports->Initialize(ManagedHeap.AllocateRaw(KernelObjectPool<Port>.StorageBytes(PortCapacity)), PortCapacity);
            s_notifications->Initialize(ManagedHeap.AllocateRaw(KernelObjectPool<Notification>.StorageBytes(NotificationCapacity)), NotificationCapacity);
        }

        /// <summary>
        /// The generation rule of each kind. Ports and notifications: their pool slot's. Reply: the caller thread (index =
        /// its slot) while it still waits for that call's reply (its CallSequence), else 0. Task and Thread: the live
        /// object's version. InterruptLine, IoPortRange, DebugConsole: fixed resources, always generation 1.
        /// </summary>
        public struct Generations : IKernelObjectGenerations
        {
            public uint CurrentGeneration(CapabilityKind kind, uint index)
            {
                switch (kind)
                {
                    case CapabilityKind.Port:
                        return s_ports->CurrentGeneration(index);
                    case CapabilityKind.Notification:
                        return s_notifications->CurrentGeneration(index);
                    case CapabilityKind.Reply:
                    {
                        ThreadControlBlock* caller = ThreadTable.At((int)index);
                        return caller != null && caller->IsWaitingForReply ? caller->CallSequence : 0;
                    }
                    case CapabilityKind.Task:
                    {
                        TaskControlBlock* task = TaskTable.At((int)index);
                        return task != null && task->Life == TaskLife.Alive ? task->Id.Version : 0;
                    }
                    case CapabilityKind.Thread:
                    {
                        ThreadControlBlock* thread = ThreadTable.At((int)index);
                        return thread != null && thread->State != ThreadState.Dead ? thread->Id.Version : 0;
                    }
                    case CapabilityKind.InterruptLine:
                        return InterruptLines.IsValidObjectIndex(index) ? 1u : 0u;
                    case CapabilityKind.IoPortRange:
                        return IoPortPermissions.IsValidObjectIndex(index) ? 1u : 0u;
                    case CapabilityKind.DebugConsole:
                        return 1;
                    default:
                        return 0;
                }
            }

            public uint AdvanceGeneration(CapabilityKind kind, uint index)
            {
                switch (kind)
                {
                    case CapabilityKind.Port:
                        return s_ports->AdvanceGeneration(index);
                    case CapabilityKind.Notification:
                        return s_notifications->AdvanceGeneration(index);
                    default:
                        return 0;
                }
            }
        }
    }
}
