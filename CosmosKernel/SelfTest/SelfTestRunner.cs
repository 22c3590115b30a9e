using CosmosKernel.Console;
using CosmosKernel.Platform;
using CosmosKernel.Power;

namespace CosmosKernel.SelfTest
{
    /// <summary>
    /// In-kernel self-tests of the runtime, run when the kernel command line contains "selftest".
    /// Output contract (read by the integration tests):
    ///   selftest &lt;group&gt;.&lt;name&gt;: ok
    ///   selftest &lt;group&gt;.&lt;name&gt;: FAILED &lt;detail&gt;
    ///   selftest: passed &lt;n&gt; of &lt;n&gt;     or     selftest: FAILED &lt;k&gt; of &lt;n&gt;
    /// then QEMU exits through isa-debug-exit with status 33 (all passed) or 35 (a failure).
    /// </summary>
    internal static class SelfTestRunner
    {
        private static int s_passed;
        private static int s_failed;
        private static string s_group;

        public static void RunAndExit()
        {
            s_passed = 0;
            s_failed = 0;
            RunGroup("runtime", RuntimeSelfTest.Run);
            RunGroup("library", LibrarySelfTest.Run);
            int total = s_passed + s_failed;
            if (s_failed == 0)
            {
                SerialPort.Write("selftest: passed " + total.ToString() + " of " + total.ToString() + "\n");
                QemuDebugExit.Exit(QemuDebugExit.Success);
            }
            else
            {
                SerialPort.Write("selftest: FAILED " + s_failed.ToString() + " of " + total.ToString() + "\n");
                QemuDebugExit.Exit(QemuDebugExit.Failure);
            }
            while (true)
            {
                Native.DisableInterrupts();
                Native.Halt();
            }
        }

        private static void RunGroup(string group, System.Action run)
        {
            s_group = group;
            run();
        }

        /// <summary>Records one check. Tests call this once per named property they verify.</summary>
        public static void Check(string name, bool condition, string detail = null)
        {
            if (condition)
            {
                s_passed++;
                SerialPort.Write("selftest " + s_group + "." + name + ": ok\n");
            }
            else
            {
                s_failed++;
                SerialPort.Write("selftest " + s_group + "." + name + ": FAILED " + (detail ?? "") + "\n");
            }
        }

        /// <summary>Compares two strings and reports both on mismatch.</summary>
        public static void CheckEqual(string name, string expected, string actual)
        {
            Check(name, expected == actual, "expected \"" + expected + "\" got \"" + actual + "\"");
        }
    }
}
