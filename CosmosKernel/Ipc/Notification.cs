using CosmosKernel.Capabilities;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// A notification: a word of signal bits. Signals OR bits in and never block; a waiter takes all set bits at once
    /// and clears them. When bound to a port, a thread receiving on that port is woken by a signal too. Destroyed,
    /// like a port, when the last capability with Receive naming it is deleted.
    /// </summary>
    internal struct Notification
    {
        public ulong Bits;
        public IpcWaitQueue Waiters;

        /// <summary>The port this notification is bound to (NotificationBind); None: unbound.</summary>
        public KernelObjectReference BoundPort;

        /// <summary>Live capabilities with Receive naming this notification, in all tables.</summary>
        public int ReceiveRights;
    }
}
