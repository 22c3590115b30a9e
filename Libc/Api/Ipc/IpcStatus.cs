namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// What a successful receiving IPC call (IpcReceive, IpcCall, IpcReplyWait, NotificationWait) returns in rax.
    /// Negative values are <see cref="SystemCallError"/>s.
    /// </summary>
    public enum IpcStatus : long
    {
        /// <summary>A message arrived: tag in rsi, badge in rdi, message registers 0-3 in r10, r8, r9, r15, the rest in the UTCB.</summary>
        Message = 0,

        /// <summary>The notification bound to the port (or waited on) had bits set: they are in rdi, and are now cleared.</summary>
        Notification = 1,
    }
}
