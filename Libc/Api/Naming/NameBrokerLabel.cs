namespace Cosmos.Api.Naming
{
    /// <summary>
    /// The labels of requests to the name broker (docs/ARCHITECTURE.md, section 5, "The name broker"). Every request
    /// is an IpcCall to the broker's port; the reply's label is a <see cref="NameBrokerStatus"/>.
    /// </summary>
    public enum NameBrokerLabel : uint
    {
        /// <summary>Words: a <see cref="BrokerName"/>; one capability transfer item: a port send right with Grant. Needs a register right.</summary>
        Register = 1,

        /// <summary>Words: a <see cref="BrokerName"/>. Reply: one capability transfer item, a copy of the registered send right.</summary>
        Lookup = 2,

        /// <summary>Word 0: a cursor (0: from the start). Reply: the next cursor (0: no more), a count, then the names.</summary>
        List = 3,

        /// <summary>Words: a <see cref="BrokerName"/> the caller registered. Needs the register right it was registered with.</summary>
        Unregister = 4,
    }
}
