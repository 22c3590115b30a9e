using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The system service (<see cref="SystemServiceProtocol"/>): a port of the root task registered as "system", served by
    /// a thread of its own (<see cref="SystemRequestHandler"/>). It is how the shell kills tasks, reboots, powers off and
    /// reads memory figures: the root task created every task (so it holds their Task capabilities), holds sigma0's
    /// memory port and is the one task the kernel lets switch the power.
    /// </summary>
    internal static unsafe class SystemService
    {
        /// <summary>The root task's registrant number for this name (the loader service is 0).</summary>
        private const ulong Registrant = 0;

        /// <summary>Creates the port, registers it and starts the thread; reports a failure and carries on.</summary>
        public static void Start(ulong brokerTask)
        {
            ProgramLoader.AcquireCreation();
            long port = Capabilities.CreatePort();
            string failure = port < 0 ? "cannot create its port: " + Kernel.DescribeError(port) : Register((uint)port);
            ProgramLoader.ReleaseCreation();
            if (failure == null)
            {
                SystemRequestHandler.Protect(brokerTask);
                long thread = RootThreads.Start(&Serve, (ulong)port);
                failure = thread < 0 ? "cannot start its thread: " + Kernel.DescribeError(thread) : null;
            }
            Kernel.DebugWrite(failure == null ? "roottask: system service registered as \"" + DeviceNames.System + "\"\n"
                : "roottask: no system service: " + failure + "\n");
        }

        private static string Register(uint port)
        {
            long sendRight = Capabilities.Copy(port, 0, CapabilityRights.Send | CapabilityRights.Grant);
            long registerRight = sendRight < 0 ? sendRight
                : Capabilities.Mint(WellKnownSlots.NameBroker, 0, CapabilityRights.Send, NameBrokerBadge.ForRegistrant(Registrant));
            NameBrokerStatus status = registerRight < 0 ? NameBrokerStatus.BrokerUnreachable
                : NameBroker.Register(DeviceNames.System, (uint)sendRight, (uint)registerRight);
            if (sendRight >= 0)
            {
                Capabilities.Delete((uint)sendRight);
            }
            if (registerRight >= 0)
            {
                Capabilities.Delete((uint)registerRight);
            }
            if (status != NameBrokerStatus.Ok)
            {
                Capabilities.Delete(port);
                return "the name broker refused: " + NameBroker.Describe(status);
            }
            return null;
        }

        private static void Serve(ulong port, ulong utcb)
        {
            Kernel.CurrentUtcb->MemoryReceiveWindow = 0;
            SystemRequestHandler handler = default;
            RecoveringEndpoint endpoint = new RecoveringEndpoint((uint)port, (uint)SystemServiceStatus.MalformedRequest);
            IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
            Kernel.DebugWrite("roottask: the system service stopped: " + Kernel.DescribeError(result.Value) + "\n");
            Kernel.ExitThread(0);
        }
    }
}
