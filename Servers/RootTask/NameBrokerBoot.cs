using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Formats;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Starts the name broker before any other program, so every later task inherits a send right to it: create the
    /// broker's port, copy a send right (with Grant, so the kernel passes it on) into the root task's slot
    /// <see cref="WellKnownSlots.NameBroker"/>, create the broker's task, move the port (with its receive right)
    /// into the broker's slot <see cref="GivenCapabilitySlots.First"/>, and start it. If any step fails the root
    /// task reports it, undoes the earlier steps (so slot 1 never names a port nobody receives on) and carries on
    /// without a broker.
    /// </summary>
    internal static class NameBrokerBoot
    {
        public const string ModuleName = "namebroker";

        /// <summary>Runs the sequence; returns the broker's task id, or 0 when there is no broker.</summary>
        public static ulong Start()
        {
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return Fail("cannot create its port", port);
            }
            if (port == WellKnownSlots.NameBroker)
            {
                // The new port took the lowest free slot, which is the one its send right must go to: move it away.
                long moved = Capabilities.Move((uint)port, 0);
                if (moved < 0)
                {
                    Capabilities.Delete((uint)port);
                    return Fail("cannot move its port out of slot 1", moved);
                }
                port = moved;
            }
            long published = Capabilities.Copy((uint)port, WellKnownSlots.NameBroker, CapabilityRights.Send | CapabilityRights.Grant);
            if (published < 0)
            {
                Capabilities.Delete((uint)port);
                return Fail("cannot copy a send right of its port into slot 1", published);
            }
            SystemCallError error = ProgramLoader.Create(ModuleName, ModuleName, false, 0, out CreatedProgram broker, out ElfError elfError);
            if (error != SystemCallError.None)
            {
                Unpublish((uint)port);
                return Fail(error == SystemCallError.NoSuchTask ? "no boot module \"" + ModuleName + "\""
                    : elfError != ElfError.None ? "not a valid program (ELF error " + ((int)elfError).ToString() + ")"
                    : "cannot create its task: " + Kernel.DescribeError((long)error), 0);
            }
            long given = Capabilities.Give(broker.Task, (uint)port, GivenCapabilitySlots.First, CapabilityRights.Receive | CapabilityRights.Send | CapabilityRights.Grant, move: true);
            if (given < 0)
            {
                ProgramLoader.Abandon(in broker);
                Unpublish((uint)port);
                return Fail("cannot give it its port", given);
            }
            error = ProgramLoader.Start(in broker);
            if (error != SystemCallError.None)
            {
                // The port went with the broker's task; only the root's send right is left.
                Capabilities.Delete(WellKnownSlots.NameBroker);
                return Fail("cannot start it", (long)error);
            }
            Kernel.DebugWrite("roottask: started the name broker, task " + Kernel.FormatId(broker.Task) + ", receiving in its slot " + given.ToString() + "\n");
            return broker.Task;
        }

        private static void Unpublish(uint port)
        {
            Capabilities.Delete(WellKnownSlots.NameBroker);
            Capabilities.Delete(port);
        }

        private static ulong Fail(string why, long error)
        {
            Kernel.DebugWrite("roottask: no name broker: " + why + (error < 0 ? ": " + Kernel.DescribeError(error) : "") + "\n");
            return 0;
        }
    }
}
