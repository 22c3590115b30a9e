using System.Globalization;
using System.Text.RegularExpressions;
using Cosmos.Testing;
using Xunit.Sdk;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The kernel's serial output contract as the integration tests read it. The kernel side documents the same lines
    /// (KernelMain, SelfTestRunner, the panic handler); a change to either side must change both.
    /// </summary>
    internal static class KernelContract
    {
        /// <summary>The kernel's first line names the OS and its version: "CosmosKernel 0.2.0 (x86-64 microkernel)".</summary>
        public static readonly Regex Banner = new Regex(@"^CosmosKernel (?<version>\d+\.\d+\.\d+)\b", RegexOptions.CultureInvariant);

        /// <summary>Boot finished; the same line reports free memory, e.g. "kernel: ready, 243 MiB free".</summary>
        public static readonly Regex Ready = new Regex(@"kernel: ready", RegexOptions.CultureInvariant);

        /// <summary>The free-memory figure on the ready line.</summary>
        public static readonly Regex ReadyWithFreeMemory = new Regex(@"kernel: ready.*?\b(?<mebibytes>\d+) MiB", RegexOptions.CultureInvariant);

        /// <summary>The self-test verdict: "selftest: passed N of N" or "selftest: FAILED K of N".</summary>
        public static readonly Regex SelfTestVerdict = new Regex(@"^selftest: (passed|FAILED) \d+ of \d+", RegexOptions.CultureInvariant);

        public static readonly Regex SelfTestPassed = new Regex(@"^selftest: passed (?<passed>\d+) of (?<total>\d+)\s*$", RegexOptions.CultureInvariant);

        /// <summary>One failed self-test check: "selftest group.name: FAILED detail".</summary>
        public static readonly Regex SelfTestFailedCheck = new Regex(@"^selftest \S+: FAILED", RegexOptions.CultureInvariant);

        /// <summary>The first line of a kernel panic report.</summary>
        public static readonly Regex Panic = new Regex(@"panic:", RegexOptions.CultureInvariant);

        /// <summary>Reads N from the ready line, or fails with the machine's output when the line does not report it.</summary>
        public static int ReadFreeMebibytes(QemuMachine machine, SerialLine readyLine)
        {
            Match match = ReadyWithFreeMemory.Match(readyLine.Text);
            MachineAssert.True(
                machine,
                match.Success,
                $"The ready line \"{readyLine.Text}\" does not report free memory as /{ReadyWithFreeMemory}/.");
            return int.Parse(match.Groups["mebibytes"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Assertions whose failure message carries the machine's command line and serial output.</summary>
    internal static class MachineAssert
    {
        public static void True(QemuMachine machine, bool condition, string message)
        {
            if (!condition)
            {
                throw new XunitException(message + "\n" + machine.GetDiagnosticReport());
            }
        }
    }
}
