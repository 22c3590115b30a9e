using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// The block server's port as the <see cref="ServerLoop"/>'s endpoint, kept serving when a reply fails: if the caller's
    /// receive buffers cannot take a Read's items (TransferFailed), it is answered with MalformedRequest and no items
    /// instead; a caller that went away is forgotten. Only a failed receive ends the loop.
    /// </summary>
    internal readonly struct BlockEndpoint : IServerEndpoint
    {
        private readonly uint _port;

        public BlockEndpoint(uint port)
        {
            _port = port;
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
                MessageTag.TryCreate((uint)BlockDeviceStatus.MalformedRequest, 0, 0, MessageTagFlags.None, out MessageTag fallback);
                Ipc.Reply(fallback);
            }
            return Ipc.Receive(_port);
        }

        public IpcResult Reply(MessageTag reply) => Ipc.Reply(reply);

        public MessageTag ReceivedTag => Message.Current.ReceivedTag;

        public ulong ReceivedBadge => Message.Current.ReceivedBadge;
    }
}
