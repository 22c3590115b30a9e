using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.NameBroker
{
    /// <summary>
    /// The name broker: maps names to port send rights (docs/ARCHITECTURE.md, section 5, "The name broker"). The root
    /// task starts it before any other program and moves the receive right of the port every task reaches through
    /// slot 1 into its slot <see cref="BrokerCapabilitySlots.Port"/>. It serves requests one at a time with the server
    /// loop (one ReplyWait per request) for as long as the port lives.
    /// </summary>
    internal static class NameBrokerMain
    {
        // Reports of failed IPC (a caller that vanished before its reply, for example) stop after this many, so that no
        // client can flood the console through the broker.
        private const int MaximumFailureReports = 8;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            if (Capabilities.Information(BrokerCapabilitySlots.Port, out CapabilityInformation port) != SystemCallError.None
                || port.Kind != CapabilityKind.Port || (port.Rights & CapabilityRights.Receive) == 0)
            {
                Kernel.DebugWrite("namebroker: error: no port with a receive right in slot " + BrokerCapabilitySlots.Port.ToString() + "\n");
                return 1;
            }
            ReceiveDeclarations.SetCapabilityReceiveWindow(BrokerCapabilitySlots.Incoming, 1);
            BrokerCapabilitySlots slots = new BrokerCapabilitySlots();
            RegistrationTable table = new RegistrationTable(BrokerCapabilitySlots.RegistrationCapacity, BrokerCapabilitySlots.FirstRegistration, slots);
            NameBrokerRequests requests = new NameBrokerRequests(table);
            Kernel.DebugWrite("namebroker: serving on slot " + BrokerCapabilitySlots.Port.ToString() + ", " + table.Capacity.ToString() + " entries\n");
            int failures = 0;
            while (true)
            {
                IpcResult result = PortEndpoint.Serve(BrokerCapabilitySlots.Port, ref requests);
                // The loop returns only when an IPC failed. Whatever came with the failed exchange is dropped, then the
                // broker serves again, unless its own port is unusable.
                Capabilities.Delete(BrokerCapabilitySlots.Incoming);
                SystemCallError error = result.Error;
                if (error == SystemCallError.StaleCapability || error == SystemCallError.EmptySlot || error == SystemCallError.InvalidSlot
                    || error == SystemCallError.WrongKind || error == SystemCallError.InsufficientRights)
                {
                    Kernel.DebugWrite("namebroker: error: its port is unusable (" + Kernel.DescribeError((long)error) + "); ending\n");
                    return 1;
                }
                if (error == SystemCallError.TransferFailed)
                {
                    // The reply's capability could not go to the caller (its receive window has no free slot). The kernel
                    // keeps the caller waiting, so it gets MalformedRequest without the item instead.
                    Ipc.Reply(StatusOnly(NameBrokerStatus.MalformedRequest));
                    continue;
                }
                if (failures < MaximumFailureReports)
                {
                    failures++;
                    Kernel.DebugWrite("namebroker: an exchange failed: " + Kernel.DescribeError((long)error) + "\n");
                }
            }
        }

        private static MessageTag StatusOnly(NameBrokerStatus status)
        {
            MessageTag.TryCreate((uint)status, 0, 0, MessageTagFlags.None, out MessageTag tag);
            return tag;
        }
    }
}
