using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "bench": the in-OS benchmarks of the system-call and thread layer, printed in the `bench` line format
    /// that ./build.sh bench collects. Times come from the TSC (rdtsc in ring 3) scaled by the frequency in the
    /// kernel information page; each sample times a short batch, so the timer's own cost stays out of the median.
    /// </summary>
    internal static unsafe class Benchmarks
    {
        private const int Samples = 10000;
        private const int CallsPerSample = 10;
        private const int YieldsPerSample = 10;

        // The partner task's whole program: "mov eax, 5 (Yield); syscall; jmp back".
        private const ulong PartnerCodeAddress = 0x400000;

        public static int Run()
        {
            KernelInformation* information = Kernel.Information;
            double nanosecondsPerCycle = 1e9 / information->TimestampFrequencyHz;
            NullSystemCall(nanosecondsPerCycle);
            int status = ThreadSwitch(nanosecondsPerCycle, "thread_switch", StartYieldPartner());
            status |= ThreadSwitch(nanosecondsPerCycle, "thread_switch_same_task", StartYieldThreadHere());
            Output.Line("systest bench: done");
            return status;
        }

        private static void NullSystemCall(double nanosecondsPerCycle)
        {
            double[] nanoseconds = new double[Samples];
            double[] cycles = new double[Samples];
            for (int i = 0; i < 1000; i++)
            {
                Kernel.Null();
            }
            for (int sample = 0; sample < Samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                for (int i = 0; i < CallsPerSample; i++)
                {
                    Kernel.Null();
                }
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                cycles[sample] = (double)elapsed / CallsPerSample;
                nanoseconds[sample] = cycles[sample] * nanosecondsPerCycle;
            }
            Print("syscall_null", nanoseconds, cycles);
        }

        // One switch = half of a yield round trip between this thread and a partner of the same priority: in
        // another task (thread_switch), or in this task (thread_switch_same_task: no address-space change).
        private static int ThreadSwitch(double nanosecondsPerCycle, string name, long partner)
        {
            if (partner < 0)
            {
                Output.Line("bench: cannot start the yield partner: " + Kernel.DescribeError(partner));
                return 1;
            }
            double[] nanoseconds = new double[Samples];
            double[] cycles = new double[Samples];
            for (int i = 0; i < 1000; i++)
            {
                Kernel.Yield();
            }
            for (int sample = 0; sample < Samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                for (int i = 0; i < YieldsPerSample; i++)
                {
                    Kernel.Yield();
                }
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                cycles[sample] = (double)elapsed / (2 * YieldsPerSample);
                nanoseconds[sample] = cycles[sample] * nanosecondsPerCycle;
            }
            if (name == "thread_switch")
            {
                Kernel.KillTask((ulong)partner);
                Kernel.WaitTask((ulong)partner, Kernel.WaitForever, out _);
            }
            else
            {
                s_stopSameTaskPartner = true; // it exits at its next turn; it never runs again after this thread's last yield otherwise
                Kernel.Yield();
            }
            Print(name, nanoseconds, cycles);
            return 0;
        }

        private static bool s_stopSameTaskPartner;
        private static byte[] s_sameTaskPartnerStack; // read after every Yield call, so never cached in a register

        // A second thread in this task that yields until told to stop.
        private static long StartYieldThreadHere()
        {
            long thread = Kernel.CreateThread(0, 100);
            if (thread < 0)
            {
                return thread;
            }
            s_sameTaskPartnerStack = new byte[16 * 1024]; // a static, so the buffer stays reachable while the thread runs on it
            ulong stack = Kernel.StackTopOf(s_sameTaskPartnerStack);
            delegate*<ulong, ulong, void> entry = &YieldUntilStopped;
            SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)entry, stack, 0);
            return error == SystemCallError.None ? thread : (long)error;
        }

        private static void YieldUntilStopped(ulong argument, ulong utcb)
        {
            while (!s_stopSameTaskPartner)
            {
                Kernel.Yield();
            }
            Kernel.ExitThread(0);
        }

        // A task whose only thread yields forever: nine bytes of code (a page of systest's text mapped into it), no stack, no runtime.
        private static long StartYieldPartner()
        {
            byte* name = stackalloc byte[13];
            string text = "yield-partner";
            for (int i = 0; i < text.Length; i++)
            {
                name[i] = (byte)text[i];
            }
            long task = Kernel.CreateTask(name, text.Length, 100, 100, out ulong thread);
            if (task < 0)
            {
                return task;
            }
            SystemCallError error = HandStartedThreads.PlaceCode((ulong)task, PartnerCodeAddress, HandCode.YieldLoop);
            if (error == SystemCallError.None)
            {
                error = Kernel.StartThread(thread, PartnerCodeAddress, 0, 0);
            }
            if (error != SystemCallError.None)
            {
                Kernel.KillTask((ulong)task);
                Kernel.WaitTask((ulong)task, 0, out _);
                return (long)error;
            }
            return task;
        }

        private static void Print(string name, double[] nanoseconds, double[] cycles)
        {
            BenchmarkSummary time = BenchmarkStatistics.Summarize(nanoseconds, nanoseconds.Length);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, cycles.Length);
            Output.Line(BenchmarkStatistics.FormatLine(name, in time, "ns", cycleSummary.Median));
        }
    }
}
