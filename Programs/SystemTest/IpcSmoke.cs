using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "ipcsmoke": the kernel's IPC through Libc's bare IPC stub (SystemCall.InvokeIpc, which moves message registers 0-3
    /// between the UTCB and the CPU), without the typed wrappers: a server thread answers calls on
    /// a port of the task, adding one to message register 0; the main thread calls 1000 times and checks every answer.
    /// Then a receive with no sender polls (TimedOut) and waits 20 ms (TimedOut), and a send on a receive-only copy is
    /// refused. The full IPC tests are ipctest's.
    /// </summary>
    internal static unsafe class IpcSmoke
    {
        private static byte[] s_stack;
        private static long s_port;

        public static int Run()
        {
            s_port = SystemCall.Invoke(SystemCallNumber.PortCreate);
            if (s_port <= 0)
            {
                Output.Line("ipcsmoke: port create failed: " + Kernel.DescribeError(s_port));
                return 1;
            }
            s_stack = new byte[16 * 1024];
            long server = Kernel.CreateThread(0, 100);
            delegate*<ulong, ulong, void> entry = &Serve;
            Kernel.StartThread((ulong)server, (ulong)entry, Kernel.StackTopOf(s_stack), 0);

            Utcb* utcb = Kernel.CurrentUtcb;
            int wrong = 0;
            long firstError = 0;
            ulong started = Kernel.Uptime();
            for (ulong i = 0; i < 1000; i++)
            {
                utcb->MessageRegisters[0] = i; // tag: label 7, one untyped word
                long result = SystemCall.InvokeIpc(SystemCallNumber.IpcCall, (ulong)s_port, (7UL << 32) | 1, ulong.MaxValue);
                if (result != 0 || utcb->MessageRegisters[0] != i + 1)
                {
                    wrong++;
                    firstError = firstError == 0 ? result : firstError;
                }
            }
            ulong callNanoseconds = (Kernel.Uptime() - started) / 1000;
            long poll = SystemCall.Invoke(SystemCallNumber.IpcReceive, s_port, 0, 0);
            ulong before = Kernel.Uptime();
            long finite = SystemCall.Invoke(SystemCallNumber.IpcReceive, s_port, 0, 20_000_000);
            ulong waited = (Kernel.Uptime() - before) / 1000;
            long receiveOnly = SystemCall.Invoke(SystemCallNumber.CapabilityCopy, s_port, 0, 1, 0);
            long refused = SystemCall.Invoke(SystemCallNumber.IpcSend, receiveOnly, 0, 0);
            Output.Line("ipcsmoke: 1000 calls (" + callNanoseconds.ToString() + " ns each), " + wrong.ToString() + " wrong (first error " + Kernel.DescribeError(firstError) + "); poll "
                + Kernel.DescribeError(poll) + ", 20 ms wait " + Kernel.DescribeError(finite) + " after " + waited.ToString() + " us; send on receive-only "
                + Kernel.DescribeError(refused));
            return wrong == 0 && poll == (long)SystemCallError.TimedOut && finite == (long)SystemCallError.TimedOut
                && refused == (long)SystemCallError.InsufficientRights ? 0 : 1;
        }

        private static void Serve(ulong argument, ulong utcbAddress)
        {
            Utcb* utcb = (Utcb*)utcbAddress;
            long status = SystemCall.InvokeIpc(SystemCallNumber.IpcReceive, (ulong)s_port, 0, ulong.MaxValue);
            while (status == 0)
            {
                utcb->MessageRegisters[0]++;
                status = SystemCall.InvokeIpc(SystemCallNumber.IpcReplyWait, (ulong)s_port, 1, ulong.MaxValue);
            }
            Output.Line("ipcsmoke: server stopped: " + Kernel.DescribeError(status));
            Kernel.ExitThread(0);
        }
    }
}
