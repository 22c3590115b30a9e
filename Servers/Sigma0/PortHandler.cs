using Cosmos.Api.Ipc;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// The <see cref="ServerLoop"/>'s handler for one of sigma0's ports: hands each message in the calling thread's
    /// registers to the port's <see cref="ISigma0Requests"/> and keeps the mapping the reply carries until the next
    /// message, so that <see cref="PortService"/> can take it back if the reply fails.
    /// </summary>
    internal struct PortHandler : IMessageHandler
    {
        private readonly ISigma0Requests _requests;
        private PendingMapping _pending;

        public PortHandler(ISigma0Requests requests)
        {
            _requests = requests;
            _pending = default;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            reply = _requests.Handle(request, badge, Message.Current.RegisterSpan, out _pending);
            return ServerAction.Reply;
        }

        // Nothing binds a notification to sigma0's ports.
        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        /// <summary>The mapping the last reply carried (unset if it carried none), and forgets it.</summary>
        public PendingMapping TakePendingMapping()
        {
            PendingMapping pending = _pending;
            _pending = default;
            return pending;
        }

        /// <summary>The reply carrying <paramref name="mapping"/> failed: the block is free again.</summary>
        public void CancelMapping(in PendingMapping mapping) => _requests.CancelMapping(mapping);
    }
}
