using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "suspend": a worker thread spins counting; the main thread stops it with ThreadsSuspend, checks the records (two
    /// threads; the worker's registers were saved by a preemption in ring 3, with rip in the program and rsp on its
    /// stack), checks that the count stands still while suspended, resumes it and checks that it counts again.
    /// </summary>
    internal static unsafe class Suspension
    {
        private const ulong TwentyMilliseconds = 20_000_000;

        private static byte[] s_stack;
        private static ulong s_count;

        public static int Run()
        {
            s_stack = new byte[16 * 1024];
            ulong stackTop = Kernel.StackTopOf(s_stack);
            ThreadInformation self;
            long worker = Kernel.CreateThread(0, 10);
            if (worker < 0)
            {
                Output.Line("suspend: create failed: " + Kernel.DescribeError(worker));
                return 1;
            }
            delegate*<ulong, ulong, void> entry = &Count;
            Kernel.StartThread((ulong)worker, (ulong)entry, stackTop, 0);
            Kernel.Sleep(TwentyMilliseconds);

            SuspendedThread* records = stackalloc SuspendedThread[4];
            long count = Kernel.SuspendOtherThreads(records, 4);
            ulong countAtSuspend = s_count;
            Kernel.Sleep(TwentyMilliseconds);
            ulong countWhileSuspended = s_count;
            long tooSmall = Kernel.SuspendOtherThreads(records + 3, 1);
            long resumed = Kernel.ResumeOtherThreads();
            Kernel.Sleep(TwentyMilliseconds);
            ulong countAfterResume = s_count;

            SuspendedThread* mine = records;
            SuspendedThread* other = records + 1;
            ulong stackBottom = stackTop - (ulong)s_stack.Length;
            bool selfRecord = (mine->Flags & SuspendedThread.SelfFlag) != 0 && mine->StackTop != 0;
            bool otherRecord = other->ThreadId == (ulong)worker && other->Flags == SuspendedThread.HasRegistersFlag
                && other->StackTop == stackTop && other->Registers.Rsp <= stackTop && other->Registers.Rsp > stackBottom
                && other->Registers.Rip >= UserLayout.ProgramBase && other->Registers.Rip < UserLayout.HeapBase;
            Output.Line("suspend: records " + count.ToString() + ", self record " + (selfRecord ? "ok" : "wrong")
                + ", worker record " + (otherRecord ? "ok" : "wrong") + " (flags " + other->Flags.ToString() + ", rip 0x" + other->Registers.Rip.ToString("x")
                + ", rsp 0x" + other->Registers.Rsp.ToString("x") + ")");
            Output.Line("suspend: count at suspend " + countAtSuspend.ToString() + ", 20 ms later " + countWhileSuspended.ToString()
                + ", resumed " + resumed.ToString() + ", 20 ms after resume " + countAfterResume.ToString()
                + ", small buffer " + Kernel.DescribeError(tooSmall));
            bool ok = count == 2 && selfRecord && otherRecord && countAtSuspend > 0 && countWhileSuspended == countAtSuspend
                && resumed == 1 && countAfterResume > countWhileSuspended && tooSmall == (long)SystemCallError.LimitReached;
            Kernel.SuspendOtherThreads(records, 4); // leave the worker stopped, so the task can end
            return ok ? 0 : 1;
        }

        private static void Count(ulong argument, ulong utcb)
        {
            while (true)
            {
                s_count++;
            }
        }
    }
}
