namespace Cosmos.Servers.NameBroker
{
    /// <summary>
    /// What the <see cref="RegistrationTable"/> asks of the capability slots that hold the registered send rights: in
    /// the broker, system calls on its own table (<see cref="BrokerCapabilitySlots"/>); in the host tests, a fake.
    /// </summary>
    internal interface IRegisteredRights
    {
        /// <summary>Whether the send right in <paramref name="slot"/> is stale: its port was destroyed (the last holder of its receive right ended) or revoked.</summary>
        bool IsStale(uint slot);

        /// <summary>Deletes the capability in <paramref name="slot"/> (an empty slot is left as it is).</summary>
        void Discard(uint slot);
    }
}
