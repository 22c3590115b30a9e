using Cosmos.Api;

namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>
    /// "thread": exceptions on a second thread of the task (its own stack and UTCB, so its own fault record): a null
    /// dereference, a division by zero and the finally ordering, run there while the first thread waits.
    /// </summary>
    internal static unsafe class SecondThread
    {
        private const int StackBytes = 64 * 1024;
        private const int WaitSteps = 5000; // 1 ms each: a bound on the wait, not a measurement

        private static byte[] s_stack; // a static, so the buffer stays reachable while the thread runs on it
        private static string s_failure;
        private static bool s_done;

        public static string Run()
        {
            long thread = Kernel.CreateThread(0, 100);
            if (thread < 0)
            {
                return "cannot create a thread: " + Kernel.DescribeError(thread);
            }
            s_stack = new byte[StackBytes];
            ulong top = Kernel.StackTopOf(s_stack);
            delegate*<ulong, ulong, void> entry = &ThreadMain;
            SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, top, 0);
            if (error != SystemCallError.None)
            {
                return "cannot start the thread: " + error.ToString();
            }
            for (int step = 0; step < WaitSteps && !s_done; step++)
            {
                Kernel.Sleep(1000000);
            }
            return s_done ? s_failure : "the second thread did not finish";
        }

        private static void ThreadMain(ulong argument, ulong utcb)
        {
            string failure = HardwareFaults.NullDereference();
            if (failure == null)
            {
                failure = HardwareFaults.DivideByZero();
            }
            if (failure == null)
            {
                failure = SoftwareExceptions.FinallyOrderAcrossTenFrames();
            }
            s_failure = failure == null ? null : "on the second thread: " + failure;
            s_done = true;
            Kernel.ExitThread(0);
        }
    }
}
