namespace Cosmos.Api.Naming
{
    /// <summary>
    /// The name broker's answer, carried as the reply's label (docs/ARCHITECTURE.md, section 5, "The name broker").
    /// Values above <see cref="Ok"/> are refusals; nothing changed at the broker then.
    /// </summary>
    public enum NameBrokerStatus : uint
    {
        Ok = 0,

        /// <summary>No live registration has the name (a registrant's port that is gone counts as none).</summary>
        NotFound = 1,

        /// <summary>Register: a live registration already has the name.</summary>
        AlreadyRegistered = 2,

        /// <summary>Register: every entry of the broker's fixed table holds a live registration.</summary>
        TableFull = 3,

        /// <summary>The name is not 1-32 printable ASCII bytes (0x21-0x7E) with zero padding.</summary>
        InvalidName = 4,

        /// <summary>Register or unregister without a register right, or unregister of a name another registrant holds.</summary>
        NotPermitted = 5,

        /// <summary>The request has the wrong number of words or items for its label.</summary>
        MalformedRequest = 6,

        /// <summary>The label is none of <see cref="NameBrokerLabel"/>.</summary>
        UnknownRequest = 7,

        /// <summary>Register: the capability passed is not a live port capability with Send and Grant.</summary>
        InvalidCapability = 8,

        /// <summary>Client side only: the IPC itself failed (no broker, or the broker's port is gone); the broker never sends it.</summary>
        BrokerUnreachable = 9,
    }
}
