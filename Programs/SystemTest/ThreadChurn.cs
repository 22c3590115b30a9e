using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "threads [COUNT]": creates and starts COUNT threads one after another, each at a higher priority than
    /// this one so it runs to its exit at once, and prints the free-frame count before and after: every
    /// thread's kernel stack and UTCB must come back.
    /// </summary>
    internal static unsafe class ThreadChurn
    {
        private const byte WorkerPriority = 150;
        private const int StackBytes = 16 * 1024;

        private static int s_ran;
        private static byte[] s_stack;

        public static int Run(string[] arguments)
        {
            int count = Output.Number(arguments, 2, 1000);
            s_stack = new byte[StackBytes]; // a static, so the buffer stays reachable while threads run on it
            ulong stackTop = Kernel.StackTopOf(s_stack);
            // One thread first, so the page table that holds UTCBs exists before the count is taken.
            if (!CreateAndRun(stackTop))
            {
                return 1;
            }
            ulong before = Kernel.FreeFrames(out _);
            int created = 0;
            for (int i = 0; i < count; i++)
            {
                if (!CreateAndRun(stackTop))
                {
                    break;
                }
                created++;
            }
            Kernel.Yield(); // lets the kernel free the last thread, which is freed by the next switch
            ulong after = Kernel.FreeFrames(out _);
            Output.Line("threads: created " + created.ToString() + ", ran " + (s_ran - 1).ToString() + ", free frames before " + before.ToString() + " after " + after.ToString());
            return created == count && s_ran - 1 == count && before == after ? 0 : 1;
        }

        private static bool CreateAndRun(ulong stackTop)
        {
            long thread = Kernel.CreateThread(0, WorkerPriority);
            if (thread < 0)
            {
                Output.Line("threads: create failed: " + Kernel.DescribeError(thread));
                return false;
            }
            delegate*<ulong, ulong, void> entry = &Worker;
            SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, stackTop, 7);
            if (error != SystemCallError.None)
            {
                Output.Line("threads: start failed: " + Kernel.DescribeError((long)error));
                return false;
            }
            return true;
        }

        // Runs in the new thread: rdi = argument, rsi = its UTCB.
        private static void Worker(ulong argument, ulong utcb)
        {
            if (argument == 7 && ((Utcb*)utcb)->Self == utcb)
            {
                s_ran++;
            }
            Kernel.ExitThread(0);
        }
    }
}
