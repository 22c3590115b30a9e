using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// How two ipctest instances started by the root task find each other: through the name broker. The server
    /// publishes a send right under a name (it needs the register right "+register" gives, in slot
    /// <see cref="GivenCapabilitySlots.First"/>); the client looks the name up, retrying while it is not registered yet
    /// (the root task starts both at once).
    /// </summary>
    internal static class Rendezvous
    {
        private const ulong RetryInterval = 10_000_000;

        /// <summary>Registers a Send (and Grant) copy of <paramref name="port"/> under <paramref name="name"/>; the broker's status.</summary>
        public static NameBrokerStatus Publish(string name, uint port, out uint sendRight)
        {
            long copy = Capabilities.Copy(port, 0, CapabilityRights.Send | CapabilityRights.Grant);
            sendRight = copy < 0 ? 0 : (uint)copy;
            return copy < 0 ? NameBrokerStatus.InvalidCapability : NameBroker.Register(name, sendRight);
        }

        /// <summary>Looks <paramref name="name"/> up into <paramref name="destination"/> until it is registered or <paramref name="timeout"/> ns pass.</summary>
        public static NameBrokerStatus Find(string name, uint destination, ulong timeout)
        {
            ulong deadline = Kernel.Uptime() + timeout;
            while (true)
            {
                NameBrokerStatus status = NameBroker.Lookup(name, destination);
                if (status != NameBrokerStatus.NotFound || Kernel.Uptime() >= deadline)
                {
                    return status;
                }
                Kernel.Sleep(RetryInterval);
            }
        }
    }
}
