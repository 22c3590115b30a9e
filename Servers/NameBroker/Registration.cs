using Cosmos.Api.Naming;

namespace Cosmos.Servers.NameBroker
{
    /// <summary>One entry of the <see cref="RegistrationTable"/>: a name, the badge of the register right it was registered through, and whether the entry is in use.</summary>
    internal struct Registration
    {
        public BrokerName Name;

        /// <summary>The registrant's badge: only a request with the same badge may unregister the name.</summary>
        public ulong RegistrantBadge;

        public bool InUse;
    }
}
