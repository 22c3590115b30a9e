using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A port endpoint for <see cref="ServerLoop"/> that keeps serving when a reply fails. If the kernel cannot carry out a
    /// reply's typed item (TransferFailed: the caller's window has no room; QuotaExceeded: a page fault's mapping would pass
    /// the client's quota), the caller is still waiting: it is answered again with <see cref="_fallbackLabel"/>, the same
    /// untyped words and no item. A caller that vanished before its reply is simply forgotten. Either way the server then
    /// receives the next request; only a failed receive ends the loop.
    /// </summary>
    internal readonly struct RecoveringEndpoint : IServerEndpoint
    {
        private readonly uint _port;
        private readonly uint _fallbackLabel;

        public RecoveringEndpoint(uint port, uint fallbackLabel)
        {
            _port = port;
            _fallbackLabel = fallbackLabel;
        }

        public IpcResult Receive() => Ipc.Receive(_port);

        public IpcResult ReplyWait(MessageTag reply)
        {
            IpcResult result = Ipc.ReplyWait(_port, reply);
            if (result.Succeeded)
            {
                return result;
            }
            if (result.Error == SystemCallError.TransferFailed || result.Error == SystemCallError.QuotaExceeded)
            {
                MessageTag.TryCreate(_fallbackLabel, reply.UntypedCount, 0, MessageTagFlags.None, out MessageTag fallback);
                Ipc.Reply(fallback);
            }
            return Ipc.Receive(_port);
        }

        public IpcResult Reply(MessageTag reply) => Ipc.Reply(reply);

        public MessageTag ReceivedTag => Message.Current.ReceivedTag;

        public ulong ReceivedBadge => Message.Current.ReceivedBadge;
    }
}
