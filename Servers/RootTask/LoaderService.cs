using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Loading;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// The loader service (protocol: <see cref="LoaderProtocol"/>): a port of the root task, registered at the name broker
    /// as "loader" through a register right the root task mints for itself, served by a thread of its own
    /// (<see cref="LoaderRequestHandler"/>). Without a name broker there is no loader service.
    /// </summary>
    internal static unsafe class LoaderService
    {
        /// <summary>Where a Spawn request's pager capability arrives (a fixed slot, high above those the root task fills from the bottom).</summary>
        public const uint WindowSlot = 250;

        /// <summary>Where the Task capability the reply moves to the requester waits (fixed, so a failed move is cleaned up safely).</summary>
        public const uint ReplySlot = 249;

        /// <summary>The root task's registrant number at the name broker (badge 1); programs' register rights count from 1.</summary>
        public const ulong RootRegistrant = 0;

        private static uint s_port;

        /// <summary>Creates the port, registers it as "loader" and starts the serving thread; reports a failure and carries on.</summary>
        public static void Start()
        {
            ProgramLoader.AcquireCreation();
            string failure = Register();
            ProgramLoader.ReleaseCreation();
            if (failure == null)
            {
                long thread = RootThreads.Start(&Serve, s_port);
                failure = thread < 0 ? "cannot start its thread: " + Kernel.DescribeError(thread) : null;
            }
            Kernel.DebugWrite(failure == null ? "roottask: loader service registered as \"" + LoaderProtocol.ServiceName + "\"\n"
                : "roottask: no loader service: " + failure + "\n");
        }

        // The port, a send right of it to register, and a register right minted from the root's send right to the broker.
        private static string Register()
        {
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return "cannot create its port: " + Kernel.DescribeError(port);
            }
            long sendRight = Capabilities.Copy((uint)port, 0, CapabilityRights.Send | CapabilityRights.Grant);
            long registerRight = sendRight < 0 ? sendRight
                : Capabilities.Mint(WellKnownSlots.NameBroker, 0, CapabilityRights.Send, NameBrokerBadge.ForRegistrant(RootRegistrant));
            NameBrokerStatus status = registerRight < 0 ? NameBrokerStatus.BrokerUnreachable
                : NameBroker.Register(LoaderProtocol.ServiceName, (uint)sendRight, (uint)registerRight);
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
                Capabilities.Delete((uint)port);
                return registerRight < 0 ? "no register right: " + Kernel.DescribeError(registerRight) : "the name broker refused: " + NameBroker.Describe(status);
            }
            s_port = (uint)port;
            return null;
        }

        private static void Serve(ulong port, ulong utcb)
        {
            byte* runWord = stackalloc byte[LoaderProtocol.MaximumRunWordLength];
            ReceiveDeclarations.SetCapabilityReceiveWindow(WindowSlot, 1);
            ReceiveDeclarations.SetStringReceiveBuffer((ulong)runWord, LoaderProtocol.MaximumRunWordLength);
            Kernel.CurrentUtcb->MemoryReceiveWindow = 0;
            LoaderRequestHandler handler = new LoaderRequestHandler(runWord);
            RecoveringEndpoint endpoint = new RecoveringEndpoint((uint)port, (uint)LoaderStatus.TaskCapabilityNotDelivered);
            IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
            Kernel.DebugWrite("roottask: the loader service stopped: " + Kernel.DescribeError(result.Value) + "\n");
            Kernel.ExitThread(0);
        }
    }
}
