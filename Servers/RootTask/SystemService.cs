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
        /// <summary>Creates the port, registers it and starts the thread; reports a failure and carries on.</summary>
        public static void Start(ulong brokerTask)
        {
            ProgramLoader.AcquireCreation();
            string failure = ServiceRegistration.CreateAndRegister(DeviceNames.System, out uint port);
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
