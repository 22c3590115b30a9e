namespace Cosmos.Api.Ipc
{
    /// <summary>Hardware interrupts as notification bits, for drivers holding an InterruptLine capability (Control).</summary>
    public static class Interrupts
    {
        /// <summary>When the line fires, <paramref name="bits"/> are signalled on the notification; the line is unmasked.</summary>
        public static SystemCallError Bind(uint interruptLine, uint notification, ulong bits) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.InterruptBind, interruptLine, notification, (long)bits));

        /// <summary>
        /// What an interrupt-driven server with one thread needs: a new port and a new notification bound to it, with
        /// <paramref name="interruptLine"/> signalling <paramref name="bits"/> on the notification, so that one receive on
        /// the port returns either a request or the interrupt. Returns the port's slot, or a negative SystemCallError
        /// (with nothing left behind).
        /// </summary>
        public static long CreateServingPort(uint interruptLine, ulong bits)
        {
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return port;
            }
            long notification = Capabilities.CreateNotification();
            SystemCallError error = notification < 0 ? (SystemCallError)notification : NotificationCalls.Bind((uint)notification, (uint)port);
            if (error == SystemCallError.None)
            {
                error = Bind(interruptLine, (uint)notification, bits);
            }
            if (error != SystemCallError.None)
            {
                if (notification >= 0)
                {
                    Capabilities.Delete((uint)notification);
                }
                Capabilities.Delete((uint)port);
                return (long)error;
            }
            return port;
        }

        /// <summary>Unmasks the line again after the driver has handled the interrupt (the kernel masks it when it fires).</summary>
        public static SystemCallError Acknowledge(uint interruptLine) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.InterruptAcknowledge, interruptLine));
    }
}
