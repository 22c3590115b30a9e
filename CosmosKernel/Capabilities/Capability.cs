using Cosmos.Api.Ipc;

namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// One capability as stored in a table slot (24 bytes): the kind and rights, the badge a receiver sees with
    /// every message sent through it (0 = unbadged), and the object it names. Kind None is an empty slot.
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct Capability
    {
        public readonly CapabilityKind Kind;
        public readonly CapabilityRights Rights;
        public readonly ulong Badge;
        public readonly KernelObjectReference Object;

        public Capability(CapabilityKind kind, CapabilityRights rights, KernelObjectReference reference, ulong badge)
        {
            Kind = kind;
            Rights = rights;
            Object = reference;
            Badge = badge;
        }

        /// <summary>An unbadged capability, as the kernel makes it for a new object.</summary>
        public Capability(CapabilityKind kind, CapabilityRights rights, KernelObjectReference reference)
            : this(kind, rights, reference, 0)
        {
        }

        /// <summary>The content of an empty slot.</summary>
        public static Capability Empty => default;

        public bool IsEmpty => Kind == CapabilityKind.None;

        public bool IsBadged => Badge != 0;

        /// <summary>This capability with <paramref name="rights"/> instead of its own (the caller checked they are a subset).</summary>
        public Capability WithRights(CapabilityRights rights) => new Capability(Kind, rights, Object, Badge);

        /// <summary>This capability with <paramref name="badge"/> (the caller checked it was unbadged).</summary>
        public Capability WithBadge(ulong badge) => new Capability(Kind, Rights, Object, badge);

        /// <summary>This capability naming its object at <paramref name="generation"/>.</summary>
        public Capability WithGeneration(uint generation) => new Capability(Kind, Rights, Object.WithGeneration(generation), Badge);
    }
}
