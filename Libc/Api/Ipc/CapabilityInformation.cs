namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// What CapabilityInformation reports about one slot: rax = kind | rights &lt;&lt; 8 | (1 &lt;&lt; 16 if stale),
    /// rdx = the badge. Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct CapabilityInformation
    {
        public const int RightsShift = 8;
        public const ulong StaleBit = 1UL << 16;

        public CapabilityInformation(CapabilityKind kind, CapabilityRights rights, bool isStale, ulong badge)
        {
            Kind = kind;
            Rights = rights;
            IsStale = isStale;
            Badge = badge;
        }

        public CapabilityKind Kind { get; }

        public CapabilityRights Rights { get; }

        /// <summary>The object the capability names was destroyed or revoked; every use but Delete is refused.</summary>
        public bool IsStale { get; }

        /// <summary>The badge a receiver sees for messages sent through this capability (0: none).</summary>
        public ulong Badge { get; }

        /// <summary>Decodes the call's two results.</summary>
        public static CapabilityInformation FromWords(ulong word, ulong badge) =>
            new CapabilityInformation((CapabilityKind)(byte)word, (CapabilityRights)(byte)(word >> RightsShift), (word & StaleBit) != 0, badge);
    }
}
