using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Gives a created task (first thread not yet started) the capabilities its run word's suffixes ask for, in their
    /// order, into slots <see cref="GivenCapabilitySlots.First"/>, First + 1, …, printing one line per capability:
    /// a register right at the name broker (a send right to the broker's port minted with a registrant badge), a copy
    /// of a legacy interrupt line's capability, or an I/O port range derived from the root task's range of every port.
    /// </summary>
    internal static class CapabilityHandOut
    {
        // Registrant numbers for register-right badges; the broker tells registrants apart by them.
        private static ulong s_nextRegistrant = 1;

        /// <summary>Gives every requested capability; stops at the first failure, reports it and returns its error.</summary>
        public static SystemCallError Give(ulong task, CapabilityRequest[] requests)
        {
            for (int i = 0; i < requests.Length; i++)
            {
                uint destination = GivenCapabilitySlots.First + (uint)i;
                CapabilityRequest request = requests[i];
                string what;
                long result;
                switch (request.Kind)
                {
                    case CapabilityRequestKind.Register:
                        ulong badge = NameBrokerBadge.ForRegistrant(s_nextRegistrant);
                        what = "a register right at the name broker (badge " + badge.ToString() + ")";
                        result = GiveRegisterRight(task, destination, badge);
                        if (result >= 0)
                        {
                            s_nextRegistrant++;
                        }
                        break;
                    case CapabilityRequestKind.InterruptLine:
                        what = "interrupt line " + request.InterruptLine.ToString();
                        result = RootCapabilities.Give(task, WellKnownSlots.RootFirstInterruptLine + request.InterruptLine, destination, CapabilityRights.Control, move: false);
                        break;
                    default:
                        what = "I/O ports " + request.FirstPort.ToString() + "-" + request.LastPort.ToString();
                        result = GiveIoPorts(task, destination, request.FirstPort, request.PortCount);
                        break;
                }
                if (result < 0)
                {
                    Kernel.DebugWrite("roottask: cannot give task " + Kernel.FormatId(task) + " " + what + ": " + Kernel.DescribeError(result) + "\n");
                    return (SystemCallError)result;
                }
                Kernel.DebugWrite("roottask: gave task " + Kernel.FormatId(task) + " " + what + " in slot " + result.ToString() + "\n");
            }
            return SystemCallError.None;
        }

        // Mints a badged send right from the root's own send right to the broker (slot NameBroker) and moves it to the task.
        private static long GiveRegisterRight(ulong task, uint destination, ulong badge)
        {
            long minted = RootCapabilities.Copy(WellKnownSlots.NameBroker, CapabilityRights.Send | CapabilityRights.Grant, badge);
            if (minted < 0)
            {
                return minted;
            }
            long given = RootCapabilities.Give(task, (uint)minted, destination, CapabilityRights.Send, move: true);
            if (given < 0)
            {
                RootCapabilities.Delete((uint)minted);
            }
            return given;
        }

        // Derives a range of just these ports from the root's range of every port and moves it to the task.
        private static long GiveIoPorts(ulong task, uint destination, uint firstPort, uint count)
        {
            long derived = RootCapabilities.DeriveIoPorts(firstPort, count);
            if (derived < 0)
            {
                return derived;
            }
            long given = RootCapabilities.Give(task, (uint)derived, destination, CapabilityRights.Control, move: true);
            if (given < 0)
            {
                RootCapabilities.Delete((uint)derived);
            }
            return given;
        }
    }
}
