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

        // The port, registered through a register right minted from the root's send right to the broker.
        private static string Register() => ServiceRegistration.CreateAndRegister(LoaderProtocol.ServiceName, out s_port);

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
