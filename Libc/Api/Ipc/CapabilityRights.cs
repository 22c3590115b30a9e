namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// What the holder of a capability may do with the object it names. A derived capability (copy or mint)
    /// holds a subset of its source's rights, never more. Pure logic: compiled into the host tests too.
    /// </summary>
    [System.Flags]
    public enum CapabilityRights : byte
    {
        None = 0,
        /// <summary>Receive messages from a port, or wait on a notification.</summary>
        Receive = 1 << 0,
        /// <summary>Send messages to a port, signal a notification, answer through a reply capability.</summary>
        Send = 1 << 1,
        /// <summary>Pass the capability on to another task (copy, mint or move across tables).</summary>
        Grant = 1 << 2,
        /// <summary>Act on a privileged object: create threads in a task, bind an interrupt, use I/O ports or the debug console.</summary>
        Control = 1 << 3,
        /// <summary>Every right; what the root task's initial capabilities hold where the kind allows it.</summary>
        All = Receive | Send | Grant | Control,
    }
}
