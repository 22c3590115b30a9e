namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The kind of kernel object a capability names; a capability used as the wrong kind is refused
    /// (the kernel answers WrongKind). None marks an empty slot. Pure logic: compiled into the host tests too.
    /// </summary>
    public enum CapabilityKind : byte
    {
        None = 0,
        /// <summary>A message port: receivers wait on it, senders send to it.</summary>
        Port,
        /// <summary>The right to answer one call, once; it cannot be copied or minted, only moved or used up.</summary>
        Reply,
        /// <summary>A word of signal bits: senders set bits, the receiver waits for any.</summary>
        Notification,
        /// <summary>A task: Control creates threads in it, ends it, or maps into its address space.</summary>
        Task,
        /// <summary>A thread: Control starts, stops or changes it.</summary>
        Thread,
        /// <summary>A hardware interrupt line: Control binds it to a notification and acknowledges it.</summary>
        InterruptLine,
        /// <summary>A range of x86 I/O ports: Control allows in and out on them.</summary>
        IoPortRange,
        /// <summary>The kernel's debug console (serial log): Send writes to it.</summary>
        DebugConsole,
    }
}
