namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A server's request handler for <see cref="ServerLoop"/>. Implemented by a struct, so the loop is specialised for
    /// it and calls it directly (no interface dispatch, no boxing, no allocation per request). The request's words are in
    /// the message registers; the handler writes the reply's words there too.
    /// </summary>
    public interface IMessageHandler
    {
        /// <summary>Handles one message: <paramref name="request"/> carries the label to dispatch on, <paramref name="badge"/> says which capability it came through.</summary>
        ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply);

        /// <summary>Handles the bits of a notification bound to the port (a notification has no caller: Reply acts as Wait).</summary>
        ServerAction HandleNotification(ulong bits);
    }
}
