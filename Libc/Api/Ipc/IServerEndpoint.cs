namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The receiving side <see cref="ServerLoop"/> drives: a port in the OS (<see cref="PortEndpoint"/>), a scripted
    /// sequence in the host tests. Implemented by structs, so calls are direct.
    /// </summary>
    public interface IServerEndpoint
    {
        /// <summary>Waits for the next message or notification.</summary>
        IpcResult Receive();

        /// <summary>Answers the current caller with <paramref name="reply"/> and waits for the next message.</summary>
        IpcResult ReplyWait(MessageTag reply);

        /// <summary>Answers the current caller without waiting.</summary>
        IpcResult Reply(MessageTag reply);

        /// <summary>The tag of what <see cref="Receive"/> or <see cref="ReplyWait"/> delivered last.</summary>
        MessageTag ReceivedTag { get; }

        /// <summary>The sender's badge, or a notification's bits.</summary>
        ulong ReceivedBadge { get; }
    }
}
