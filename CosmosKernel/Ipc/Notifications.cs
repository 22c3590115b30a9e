using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Scheduling;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// Notifications: a word of signal bits. A signal ORs bits in and never blocks (so interrupt handlers signal too);
    /// the first waiter — a thread in NotificationWait, or else a thread receiving on the bound port — takes every set
    /// bit at once and the word is cleared. A waiter's system call returns <see cref="IpcStatus.Notification"/> with the
    /// bits in rdi.
    /// </summary>
    internal static unsafe class Notifications
    {
        /// <summary>ORs <paramref name="bits"/> into the notification and wakes a waiter (from an interrupt handler too). False when the notification is gone.</summary>
        public static bool Signal(KernelObjectReference reference, ulong bits)
        {
            Notification* notification = KernelObjects.Notifications->Find(reference);
            if (notification == null)
            {
                return false;
            }
            notification->Bits |= bits;
            ThreadControlBlock* waiter = notification->Waiters.TakeFirst();
            if (waiter == null && !notification->BoundPort.IsNone)
            {
                Port* port = KernelObjects.Ports->LiveAt(notification->BoundPort.Index);
                waiter = port == null ? null : port->Receivers.TakeFirst();
            }
            if (waiter != null)
            {
                HandBits(notification, waiter);
                IpcOperations.WakeWithResult(waiter, (long)IpcStatus.Notification);
            }
            return true;
        }

        /// <summary>What a signal through <paramref name="capability"/> ORs in: its badge if it has one, else <paramref name="bits"/> (0 is refused by the callers).</summary>
        public static ulong SignalledBits(Capability capability, ulong bits) => capability.IsBadged ? capability.Badge : bits;

        /// <summary>NotificationWait on a live capability: the set bits at once, or waits for a signal.</summary>
        public static long Wait(Capability capability, ulong timeout)
        {
            ThreadControlBlock* current = Scheduler.Current;
            Notification* notification = KernelObjects.Notifications->Find(capability.Object);
            if (notification->Bits != 0)
            {
                HandBits(notification, current);
                return (long)IpcStatus.Notification;
            }
            if (timeout == IpcTimeout.Poll)
            {
                return (long)SystemCallError.TimedOut;
            }
            current->IpcWaitObject = capability.Object.Index;
            notification->Waiters.Append(current);
            Scheduler.Block(BlockReason.NotificationWait, IpcOperations.DeadlineOf(timeout));
            return current->WakeResult;
        }

        /// <summary>Binds a live notification to a live port (both with Receive), replacing earlier bindings of either; a None port unbinds.</summary>
        public static void Bind(Capability notificationCapability, Capability portCapability)
        {
            Notification* notification = KernelObjects.Notifications->Find(notificationCapability.Object);
            if (!notification->BoundPort.IsNone)
            {
                Port* previous = KernelObjects.Ports->LiveAt(notification->BoundPort.Index);
                if (previous != null)
                {
                    previous->BoundNotification = KernelObjectReference.None;
                }
                notification->BoundPort = KernelObjectReference.None;
            }
            if (portCapability.IsEmpty)
            {
                return;
            }
            Port* port = KernelObjects.Ports->Find(portCapability.Object);
            if (!port->BoundNotification.IsNone)
            {
                Notification* other = KernelObjects.Notifications->LiveAt(port->BoundNotification.Index);
                if (other != null)
                {
                    other->BoundPort = KernelObjectReference.None;
                }
            }
            port->BoundNotification = notificationCapability.Object; // found again by index (LiveAt): a revocation keeps the binding
            notification->BoundPort = portCapability.Object;
        }

        /// <summary>A receiver on <paramref name="port"/> takes the bound notification's bits if any are set.</summary>
        public static bool TakeBoundBits(Port* port, ThreadControlBlock* receiver)
        {
            if (port->BoundNotification.IsNone)
            {
                return false;
            }
            Notification* notification = KernelObjects.Notifications->LiveAt(port->BoundNotification.Index);
            if (notification == null || notification->Bits == 0)
            {
                return false;
            }
            HandBits(notification, receiver);
            return true;
        }

        /// <summary>A port is being destroyed: its notification is no longer bound.</summary>
        public static void UnbindPort(Port* port)
        {
            if (port->BoundNotification.IsNone)
            {
                return;
            }
            Notification* notification = KernelObjects.Notifications->LiveAt(port->BoundNotification.Index);
            if (notification != null)
            {
                notification->BoundPort = KernelObjectReference.None;
            }
            port->BoundNotification = KernelObjectReference.None;
        }

        /// <summary>Destroys a notification whose last receive right is gone: waiters get PartnerGone, a bound port is unbound.</summary>
        public static void Destroy(KernelObjectReference reference)
        {
            Notification* notification = KernelObjects.Notifications->Find(reference);
            if (notification == null)
            {
                return;
            }
            IpcOperations.WakeAll(&notification->Waiters, (long)SystemCallError.PartnerGone);
            if (!notification->BoundPort.IsNone)
            {
                Port* port = KernelObjects.Ports->LiveAt(notification->BoundPort.Index);
                if (port != null)
                {
                    port->BoundNotification = KernelObjectReference.None;
                }
            }
            KernelObjects.Notifications->Free(new KernelObjectReference(reference.Index, KernelObjects.Notifications->CurrentGeneration(reference.Index)));
        }

        // Gives all set bits to the thread (rdi of its system call) and clears them.
        private static void HandBits(Notification* notification, ThreadControlBlock* thread)
        {
            if (thread->LastUserEntry == UserEntry.SystemCall)
            {
                MessageTransfer.FrameOf(thread)->Rdi = notification->Bits;
            }
            notification->Bits = 0;
        }
    }
}
