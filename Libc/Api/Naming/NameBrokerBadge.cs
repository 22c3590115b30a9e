namespace Cosmos.Api.Naming
{
    /// <summary>
    /// The badge rule of the name broker's port. The root task mints every register right as a send right with badge
    /// (registrant number &lt;&lt; 1) | 1, a different number for every task it gives one to; bit 0 set is what
    /// allows register and unregister, and the whole badge names the registrant (its names, which only it may
    /// unregister). Unbadged send rights (badge 0, what every task inherits in slot 1) may only look up and list.
    /// </summary>
    public static class NameBrokerBadge
    {
        public const ulong RegisterBit = 1;

        /// <summary>The badge of the register right for registrant <paramref name="registrant"/> (1 or more).</summary>
        public static ulong ForRegistrant(ulong registrant) => (registrant << 1) | RegisterBit;

        /// <summary>Whether a message that arrived with <paramref name="badge"/> may register and unregister names.</summary>
        public static bool MayRegister(ulong badge) => (badge & RegisterBit) != 0;
    }
}
