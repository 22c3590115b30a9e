using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Sigma0's second thread, which serves the device port while the first serves the memory port. Its stack and
    /// requests object live in statics, so both stay reachable while it runs.
    /// </summary>
    internal static unsafe class DeviceThread
    {
        private const int StackBytes = 32 * 1024;

        private static byte[] s_stack;
        private static DeviceRequests s_requests;

        /// <summary>Starts the thread at <paramref name="priority"/> serving <see cref="WellKnownSlots.Sigma0DevicePort"/>; None or the error.</summary>
        public static SystemCallError Start(DeviceRequests requests, byte priority)
        {
            long thread = Kernel.CreateThread(0, priority);
            if (thread < 0)
            {
                return (SystemCallError)thread;
            }
            s_requests = requests;
            s_stack = new byte[StackBytes];
            delegate*<ulong, ulong, void> entry = &ThreadMain;
            return Kernel.StartThread((ulong)thread, (ulong)entry, Kernel.StackTopOf(s_stack), 0);
        }

        private static void ThreadMain(ulong argument, ulong utcb)
        {
            SystemCallError error = PortService.Serve("device", WellKnownSlots.Sigma0DevicePort, s_requests);
            Kernel.DebugWrite("sigma0: error: the device port is unusable (" + Kernel.DescribeError((long)error) + "); no more device mappings\n");
            Kernel.ExitThread(1);
        }
    }
}
