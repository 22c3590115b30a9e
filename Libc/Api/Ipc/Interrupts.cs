namespace Cosmos.Api.Ipc
{
    /// <summary>Hardware interrupts as notification bits, for drivers holding an InterruptLine capability (Control).</summary>
    public static class Interrupts
    {
        /// <summary>When the line fires, <paramref name="bits"/> are signalled on the notification; the line is unmasked.</summary>
        public static SystemCallError Bind(uint interruptLine, uint notification, ulong bits) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.InterruptBind, interruptLine, notification, (long)bits));

        /// <summary>Unmasks the line again after the driver has handled the interrupt (the kernel masks it when it fires).</summary>
        public static SystemCallError Acknowledge(uint interruptLine) =>
            Kernel.AsError(SystemCall.Invoke(SystemCallNumber.InterruptAcknowledge, interruptLine));
    }
}
