using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>"sleep": sleeps for several durations and prints what the uptime clock measured for each.</summary>
    internal static class SleepAccuracy
    {
        public static int Run()
        {
            ulong[] milliseconds = new ulong[] { 1, 5, 20, 100, 250 };
            for (int i = 0; i < milliseconds.Length; i++)
            {
                ulong requested = milliseconds[i] * 1_000_000;
                ulong start = Kernel.Uptime();
                SystemCallError error = Kernel.Sleep(requested);
                ulong slept = Kernel.Uptime() - start;
                Output.Line("sleep: requested " + requested.ToString() + " ns, slept " + slept.ToString() + " ns" + (error == SystemCallError.None ? "" : " (error " + Kernel.DescribeError((long)error) + ")"));
            }
            Output.Line("sleep: done");
            return 0;
        }
    }
}
