using CosmosKernel.Capabilities;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// A message port: the rendezvous point of synchronous IPC. It buffers no messages, only the threads waiting on
    /// it: senders (with their message still in their own registers and UTCB) or receivers — never both at once.
    /// It lives as long as some capability with Receive names it (<see cref="ReceiveRights"/>); when the last one is
    /// deleted (explicitly, or because its task ended) the port is destroyed, every send right to it goes stale and
    /// every waiting thread gets PartnerGone.
    /// </summary>
    internal struct Port
    {
        public IpcWaitQueue Senders;
        public IpcWaitQueue Receivers;

        /// <summary>A notification whose bits a receiver on this port also gets (NotificationBind); None: none.</summary>
        public KernelObjectReference BoundNotification;

        /// <summary>Live capabilities with Receive naming this port, in all tables.</summary>
        public int ReceiveRights;
    }
}
