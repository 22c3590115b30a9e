namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The receive loop of a server: waits for a request, hands it to the handler, and answers with ReplyWait, so each
    /// request costs the server one system call. Generic over struct endpoint and handler types, so every call in the
    /// loop is direct and nothing is allocated. Pure logic (the system calls are the endpoint's): host-tested.
    /// </summary>
    public static class ServerLoop
    {
        /// <summary>
        /// Serves until the handler says <see cref="ServerAction.Stop"/> or <see cref="ServerAction.ReplyAndStop"/>
        /// (returns the last call's result) or a receive fails (returns that error: e.g. PartnerGone, StaleCapability).
        /// </summary>
        public static IpcResult Run<TEndpoint, THandler>(ref TEndpoint endpoint, ref THandler handler)
            where TEndpoint : struct, IServerEndpoint
            where THandler : struct, IMessageHandler
        {
            IpcResult result = endpoint.Receive();
            while (true)
            {
                if (!result.Succeeded)
                {
                    return result;
                }
                ServerAction action;
                MessageTag reply = default;
                if (result.IsNotification)
                {
                    action = handler.HandleNotification(endpoint.ReceivedBadge);
                    if (action == ServerAction.Reply)
                    {
                        action = ServerAction.Wait;
                    }
                    else if (action == ServerAction.ReplyAndStop)
                    {
                        action = ServerAction.Stop;
                    }
                }
                else
                {
                    action = handler.HandleMessage(endpoint.ReceivedTag, endpoint.ReceivedBadge, out reply);
                }
                switch (action)
                {
                    case ServerAction.Reply:
                        result = endpoint.ReplyWait(reply);
                        break;
                    case ServerAction.ReplyAndStop:
                        return endpoint.Reply(reply);
                    case ServerAction.Stop:
                        return result;
                    default:
                        result = endpoint.Receive();
                        break;
                }
            }
        }
    }
}
