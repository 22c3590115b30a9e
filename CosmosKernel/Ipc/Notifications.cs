using CosmosKernel.Capabilities;

namespace CosmosKernel.Ipc
{
    /// <summary>Notification objects: a word of signal bits, OR-ed by senders, taken and cleared by a waiter.</summary>
    internal static unsafe class Notifications
    {
        /// <summary>ORs <paramref name="bits"/> into the notification and wakes a waiter (from an interrupt handler too). False when the notification is gone.</summary>
        public static bool Signal(KernelObjectReference notification, ulong bits)
        {
            return false; // filled in by the IPC work
        }
    }
}
