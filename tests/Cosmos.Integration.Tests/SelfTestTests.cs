using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;
using Xunit.Sdk;

namespace Cosmos.Integration.Tests
{
    /// <summary>The in-kernel self-tests (command line "selftest") run on the real machine and report a verdict.</summary>
    public sealed class SelfTestTests
    {
        [Fact]
        public async Task AllSelfTestsPassAndQemuExitsWithSuccessStatus()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "selftest" });

            SerialLine verdict = await machine.WaitForLineAsync(KernelContract.SelfTestVerdict);

            string[] failedChecks = machine.Output.Lines
                .Where(line => KernelContract.SelfTestFailedCheck.IsMatch(line.Text))
                .Select(line => line.Text)
                .ToArray();
            if (failedChecks.Length > 0 || !verdict.Text.StartsWith("selftest: passed", System.StringComparison.Ordinal))
            {
                throw new XunitException(
                    $"Self-test verdict \"{verdict.Text}\"; failed checks:\n  " + string.Join("\n  ", failedChecks) +
                    "\n" + machine.GetDiagnosticReport());
            }

            Match passed = KernelContract.SelfTestPassed.Match(verdict.Text);
            MachineAssert.True(machine, passed.Success, $"The verdict \"{verdict.Text}\" does not read \"selftest: passed N of N\".");
            int passedCount = int.Parse(passed.Groups["passed"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            int totalCount = int.Parse(passed.Groups["total"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            MachineAssert.True(machine, totalCount > 0, "The self-test ran no checks.");
            MachineAssert.True(machine, passedCount == totalCount, $"Only {passedCount} of {totalCount} checks passed.");

            int exitStatus = await machine.WaitForExitAsync();
            MachineAssert.True(
                machine,
                exitStatus == QemuMachine.SuccessExitStatus,
                $"QEMU exited with status {exitStatus}; a passing self-test ends it with {QemuMachine.SuccessExitStatus} (isa-debug-exit 0x10).");
        }
    }
}
