using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A port endpoint for <see cref="ServerLoop"/> that keeps serving when a reply fails. If the kernel cannot carry out a
    /// reply's typed items (TransferFailed: the caller's window has no room; QuotaExceeded: a page fault's mapping would pass
    /// the client's quota), the caller is still waiting: a reply with several items is sent again with its first item
    /// alone, and if that fails too (or there was one) the caller is answered with <see cref="_fallbackLabel"/>, the same
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
            if (IsUndeliverable(result) && reply.TypedCount > 1)
            {
                MessageTag.TryCreate(reply.Label, reply.UntypedCount, 1, MessageTagFlags.None, out MessageTag first);
                result = Ipc.Reply(first);
            }
            if (IsUndeliverable(result))
            {
                MessageTag.TryCreate(_fallbackLabel, reply.UntypedCount, 0, MessageTagFlags.None, out MessageTag fallback);
                Ipc.Reply(fallback);
            }
            return Ipc.Receive(_port);
        }

        public IpcResult Reply(MessageTag reply) => Ipc.Reply(reply);

        private static bool IsUndeliverable(IpcResult result) => result.Error == SystemCallError.TransferFailed || result.Error == SystemCallError.QuotaExceeded;

        public MessageTag ReceivedTag => Message.Current.ReceivedTag;

        public ulong ReceivedBadge => Message.Current.ReceivedBadge;
    }
}
