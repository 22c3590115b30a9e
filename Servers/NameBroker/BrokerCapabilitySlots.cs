using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.NameBroker
{
    /// <summary>
    /// The broker's own capability table: the port it serves (moved there by the root task), the one slot its receive
    /// window accepts a registered send right into, and the slots of the registrations. As <see cref="IRegisteredRights"/>
    /// it answers the <see cref="RegistrationTable"/> with CapabilityInformation and CapabilityDelete.
    /// </summary>
    internal sealed class BrokerCapabilitySlots : IRegisteredRights
    {
        /// <summary>The broker's port (Receive), where the root task puts it (<see cref="GivenCapabilitySlots.First"/>).</summary>
        public const uint Port = GivenCapabilitySlots.First;

        /// <summary>The capability receive window: a register request's send right arrives here, and is copied to its entry's slot or deleted.</summary>
        public const uint Incoming = 8;

        /// <summary>Registration i's send right is in slot FirstRegistration + i.</summary>
        public const uint FirstRegistration = 16;

        /// <summary>Entries in the registration table (slots 16-79).</summary>
        public const int RegistrationCapacity = 64;

        public bool IsStale(uint slot)
        {
            // An empty or unreadable slot holds nothing that resolves, so it counts as stale too.
            return Capabilities.Information(slot, out CapabilityInformation information) != SystemCallError.None || information.IsStale;
        }

        public void Discard(uint slot) => Capabilities.Delete(slot);
    }
}
