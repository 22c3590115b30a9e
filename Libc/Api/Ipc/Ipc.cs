namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The five message-passing calls (docs/ARCHITECTURE.md, section 5). The message itself is in the calling thread's
    /// UTCB message registers (<see cref="Message"/>); these pass only the capability slot, the tag and the timeout.
    /// After a receiving call the received tag and badge are in <see cref="Message.ReceivedTag"/> and
    /// <see cref="Message.ReceivedBadge"/>. Nothing here allocates or throws: every outcome is an <see cref="IpcResult"/>.
    /// </summary>
    public static class Ipc
    {
        /// <summary>Sends to a port (Send right; blocks until a receiver takes it or the timeout passes) or answers through a saved Reply capability (never blocks).</summary>
        public static IpcResult Send(uint slot, MessageTag tag, ulong timeout = IpcTimeout.Infinite) =>
            new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.IpcSend, slot, tag.Word, timeout));

        /// <summary>Waits for a message on a port (Receive right), or for the bits of a notification bound to it.</summary>
        public static IpcResult Receive(uint port, ulong timeout = IpcTimeout.Infinite) =>
            new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.IpcReceive, port, 0, timeout));

        /// <summary>Sends to a port and waits for the answer, which replaces the message registers. The timeout bounds the send phase only.</summary>
        public static IpcResult Call(uint port, MessageTag tag, ulong timeout = IpcTimeout.Infinite) =>
            new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.IpcCall, port, tag.Word, timeout));

        /// <summary>Answers the call this thread received last; NoCaller if none waits for it.</summary>
        public static IpcResult Reply(MessageTag tag) =>
            new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.IpcReply, 0, tag.Word, IpcTimeout.Poll));

        /// <summary>Answers the waiting caller, if there is one, and waits for the next message on the port: one system call per request.</summary>
        public static IpcResult ReplyWait(uint port, MessageTag replyTag, ulong timeout = IpcTimeout.Infinite) =>
            new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.IpcReplyWait, port, replyTag.Word, timeout));

        /// <summary>
        /// Any of the message-passing calls with a raw tag word, unchecked: for tests of the kernel's own checks (a
        /// malformed tag returns MalformedMessage with the <see cref="MessageError"/> in <see cref="Message.ReceivedBadge"/>).
        /// </summary>
        public static IpcResult Invoke(SystemCallNumber number, uint slot, ulong tagWord, ulong timeout) =>
            new IpcResult(SystemCall.InvokeIpc(number, slot, tagWord, timeout));

        /// <summary>
        /// Keeps the right to answer the current caller as a Reply capability in <paramref name="destination"/> (0: the
        /// lowest free slot), so this thread can receive other messages first and answer later with <see cref="Send"/>.
        /// Returns the slot or a negative <see cref="SystemCallError"/> (NoCaller if no call waits for this thread).
        /// </summary>
        public static long SaveReply(uint destination = 0) => SystemCall.Invoke(SystemCallNumber.IpcSaveReply, destination);
    }
}
