namespace Cosmos.Api.Ipc
{
    /// <summary>A port this thread receives on, as the <see cref="ServerLoop"/>'s endpoint: each step is one IPC system call.</summary>
    public readonly struct PortEndpoint : IServerEndpoint
    {
        private readonly uint _port;
        private readonly ulong _timeout;

        /// <summary>Serves <paramref name="port"/> (Receive right); <paramref name="timeout"/> bounds each wait for a request.</summary>
        public PortEndpoint(uint port, ulong timeout = IpcTimeout.Infinite)
        {
            _port = port;
            _timeout = timeout;
        }

        public IpcResult Receive() => Ipc.Receive(_port, _timeout);

        public IpcResult ReplyWait(MessageTag reply) => Ipc.ReplyWait(_port, reply, _timeout);

        public IpcResult Reply(MessageTag reply) => Ipc.Reply(reply);

        public MessageTag ReceivedTag => Message.Current.ReceivedTag;

        public ulong ReceivedBadge => Message.Current.ReceivedBadge;

        /// <summary>Runs <see cref="ServerLoop"/> on <paramref name="port"/> with <paramref name="handler"/> on the calling thread.</summary>
        public static IpcResult Serve<THandler>(uint port, ref THandler handler)
            where THandler : struct, IMessageHandler
        {
            PortEndpoint endpoint = new PortEndpoint(port);
            return ServerLoop.Run(ref endpoint, ref handler);
        }
    }
}
