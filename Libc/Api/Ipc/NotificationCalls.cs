namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Notifications: a word of bits that senders OR into and a receiver waits for and clears. A badged Send capability
    /// ORs its badge instead of the bits given, so a receiver can tell signallers apart.
    /// </summary>
    public static class NotificationCalls
    {
        /// <summary>ORs <paramref name="bits"/> (non-zero), or the capability's badge if it has one, into the notification.</summary>
        public static SystemCallError Signal(uint notification, ulong bits) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.NotificationSignal, notification, (long)bits));

        /// <summary>Waits until some bit is set; on success (<see cref="IpcStatus.Notification"/>) <paramref name="bits"/> gets them, and they are cleared.</summary>
        public static IpcResult Wait(uint notification, ulong timeout, out ulong bits)
        {
            IpcResult result = new IpcResult(SystemCall.InvokeIpc(SystemCallNumber.NotificationWait, notification, 0, timeout));
            bits = result.Succeeded ? Message.Current.ReceivedBadge : 0;
            return result;
        }

        /// <summary>Binds the notification to a port: receiving on the port then also returns the notification's bits (status Notification).</summary>
        public static SystemCallError Bind(uint notification, uint port) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.NotificationBind, notification, port));

        public static SystemCallError Unbind(uint notification) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.NotificationBind, notification, 0));
    }
}
