using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Gives a created task (first thread not yet started) the capabilities its run word's suffixes ask for, in their
    /// order, into slots <see cref="GivenCapabilitySlots.First"/>, First + 1, …, printing one line per capability:
    /// a register right at the name broker (a send right to the broker's port minted with a registrant badge), a copy
    /// of a legacy interrupt line's capability, an I/O port range derived from the root task's range of every port, a
    /// send right to sigma0's memory port with a badge of its own, or a send right to sigma0's device port badged with the
    /// flexpage word of the physical range it may map. Each minted send right is given with Send alone, so its badge
    /// stays one task's identity.
    /// </summary>
    internal static class CapabilityHandOut
    {
        // Registrant numbers for register-right badges; the broker tells registrants apart by them. Number 0 (badge 1) is
        // the root task's own (ServiceRegistration.RootRegistrant).
        private static ulong s_nextRegistrant = 1;

        // Badges of sigma0 memory clients: 2, 3, ... (sigma0 sees the root task's own unbadged right as 0).
        private static ulong s_nextSigma0Client = 2;

        /// <summary>Gives every requested capability; stops at the first failure, reports it and returns its error.</summary>
        public static SystemCallError Give(ulong task, CapabilityRequest[] requests)
        {
            uint destination = GivenCapabilitySlots.First;
            for (int i = 0; i < requests.Length; i++)
            {
                CapabilityRequest request = requests[i];
                if (request.Kind == CapabilityRequestKind.TaskCreation)
                {
                    continue; // given at creation (ProgramLoader.Create), in its own slot
                }
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
                    case CapabilityRequestKind.Sigma0Memory:
                        what = "a send right to sigma0's memory port (badge " + s_nextSigma0Client.ToString() + ")";
                        result = GiveMinted(task, WellKnownSlots.RootSigma0Memory, destination, s_nextSigma0Client);
                        if (result >= 0)
                        {
                            s_nextSigma0Client++;
                        }
                        break;
                    case CapabilityRequestKind.DeviceMemory:
                        what = "a send right to sigma0's device port for 0x" + request.DeviceBase.ToString("x") + "/" + request.DeviceSizeLog2.ToString()
                            + " (badge 0x" + request.DeviceBadge.ToString("x") + ")";
                        result = GiveMinted(task, WellKnownSlots.RootSigma0Device, destination, request.DeviceBadge);
                        break;
                    case CapabilityRequestKind.InterruptLine:
                        what = "interrupt line " + request.InterruptLine.ToString();
                        result = Capabilities.Give(task, WellKnownSlots.RootFirstInterruptLine + request.InterruptLine, destination, CapabilityRights.Control, move: false);
                        break;
                    default:
                        what = "I/O ports 0x" + request.FirstPort.ToString("x") + "-0x" + request.LastPort.ToString("x");
                        result = GiveIoPorts(task, destination, request.FirstPort, request.PortCount);
                        break;
                }
                if (result < 0)
                {
                    Kernel.DebugWrite("roottask: cannot give task " + Kernel.FormatId(task) + " " + what + ": " + Kernel.DescribeError(result) + "\n");
                    return (SystemCallError)result;
                }
                Kernel.DebugWrite("roottask: gave task " + Kernel.FormatId(task) + " " + what + " in slot " + result.ToString() + "\n");
                destination++;
            }
            return SystemCallError.None;
        }

        // Mints a badged send right from the root's own send right to the broker (slot NameBroker) and gives the task a
        // copy with Send alone (no Grant: a register right cannot be passed on, so its badge stays one task's identity).
        private static long GiveRegisterRight(ulong task, uint destination, ulong badge) => GiveMinted(task, WellKnownSlots.NameBroker, destination, badge);

        // Mints a send right with <badge> from the root's unbadged send right in <source> and gives the task a copy with Send alone.
        private static long GiveMinted(ulong task, uint source, uint destination, ulong badge)
        {
            long minted = Capabilities.Mint(source, 0, CapabilityRights.Send | CapabilityRights.Grant, badge);
            return minted < 0 ? minted : GiveNarrowed(task, (uint)minted, destination, CapabilityRights.Send);
        }

        // Derives a range of just these ports from the root's range of every port and gives the task a copy with Control alone.
        private static long GiveIoPorts(ulong task, uint destination, uint firstPort, uint count)
        {
            long derived = IoPorts.Derive(WellKnownSlots.RootAllIoPorts, (ushort)firstPort, count);
            return derived < 0 ? derived : GiveNarrowed(task, (uint)derived, destination, CapabilityRights.Control);
        }

        // Gives a copy of the root's temporary capability in <source> with exactly <rights> (a move would keep all of the
        // source's rights), then deletes the temporary one, whether the give worked or not.
        private static long GiveNarrowed(ulong task, uint source, uint destination, CapabilityRights rights)
        {
            long given = Capabilities.Give(task, source, destination, rights, move: false);
            Capabilities.Delete(source);
            return given;
        }
    }
}
