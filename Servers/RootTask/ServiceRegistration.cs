using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// How the root task offers a service of its own (the loader service, the system service): a new port, registered at
    /// the name broker through a register right the root task mints for itself from its send right to the broker
    /// (registrant <see cref="RootRegistrant"/>) and deletes again. The caller holds the creation lock.
    /// </summary>
    internal static class ServiceRegistration
    {
        /// <summary>The root task's registrant number at the name broker; programs' register rights count from 1.</summary>
        public const ulong RootRegistrant = 0;

        /// <summary>Creates the port and registers it as <paramref name="name"/>; null and the port's slot, or the reason (nothing is left behind).</summary>
        public static string CreateAndRegister(string name, out uint port)
        {
            port = 0;
            long created = Capabilities.CreatePort();
            if (created < 0)
            {
                return "cannot create its port: " + Kernel.DescribeError(created);
            }
            long registerRight = Capabilities.Mint(WellKnownSlots.NameBroker, 0, CapabilityRights.Send, NameBrokerBadge.ForRegistrant(RootRegistrant));
            if (registerRight < 0)
            {
                Capabilities.Delete((uint)created);
                return "no register right: " + Kernel.DescribeError(registerRight);
            }
            NameBrokerStatus status = NameBroker.RegisterPort(name, (uint)created, (uint)registerRight);
            Capabilities.Delete((uint)registerRight);
            if (status != NameBrokerStatus.Ok)
            {
                Capabilities.Delete((uint)created);
                return "the name broker refused: " + NameBroker.Describe(status);
            }
            port = (uint)created;
            return null;
        }
    }
}
