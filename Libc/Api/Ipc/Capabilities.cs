namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The capability system calls (docs/ARCHITECTURE.md, section 5). Slots are indices in the calling task's table
    /// (1-255; 0 is the null slot). Calls that make a capability return its slot, or a negative
    /// <see cref="SystemCallError"/>; a destination of 0 means the lowest free slot.
    /// </summary>
    public static unsafe class Capabilities
    {
        /// <summary>A new port; the capability holds Receive, Send and Grant.</summary>
        public static long CreatePort() => SystemCall.Invoke(SystemCallNumber.PortCreate);

        /// <summary>A new notification; the capability holds Receive, Send and Grant.</summary>
        public static long CreateNotification() => SystemCall.Invoke(SystemCallNumber.NotificationCreate);

        /// <summary>Copies with a subset of the source's rights (RightsExceedSource otherwise); the badge is kept.</summary>
        public static long Copy(uint source, uint destination, CapabilityRights rights) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityCopy, source, destination, (long)rights, 0);

        /// <summary>Copies and sets a badge (non-zero) on an unbadged port or notification capability (NotBadgeable otherwise).</summary>
        public static long Mint(uint source, uint destination, CapabilityRights rights, ulong badge) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityCopy, source, destination, (long)rights, (long)badge);

        /// <summary>Moves the capability to another slot; the source is empty afterwards.</summary>
        public static long Move(uint source, uint destination) => SystemCall.Invoke(SystemCallNumber.CapabilityMove, source, destination);

        public static SystemCallError Delete(uint slot) => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.CapabilityDelete, slot));

        /// <summary>Makes every other capability to the port or notification stale (needs its Receive right); this one stays valid.</summary>
        public static SystemCallError Revoke(uint slot) => Kernel.AsError(SystemCall.Invoke(SystemCallNumber.CapabilityRevoke, slot));

        /// <summary>The kind, rights, staleness and badge of the capability in <paramref name="slot"/>, or an error (EmptySlot, InvalidSlot).</summary>
        public static SystemCallError Information(uint slot, out CapabilityInformation information)
        {
            ulong badge = 0;
            long word = SystemCall.InvokeWithSecondResult(SystemCallNumber.CapabilityInformation, slot, 0, 0, 0, &badge);
            information = word < 0 ? default : CapabilityInformation.FromWords((ulong)word, badge);
            return Kernel.AsError(word);
        }

        /// <summary>
        /// Puts a copy (or, with <paramref name="move"/>, the capability itself) of <paramref name="source"/> into the
        /// table of task <paramref name="taskId"/>, at <paramref name="destination"/> (0: its lowest free slot). Needs a Task
        /// capability with Control naming the task, and Grant on the source. Returns the slot in the task's table.
        /// </summary>
        public static long Give(ulong taskId, uint source, uint destination, CapabilityRights rights, bool move) =>
            SystemCall.Invoke(SystemCallNumber.CapabilityGive, (long)taskId, source, destination, (long)rights, move ? 1 : 0);
    }
}
