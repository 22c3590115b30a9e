using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The system-call layer seen from ring 3: refused bad pointers, thread identity, the kernel information page, listings.</summary>
    public sealed class SystemCallTests
    {
        private const ulong UserSpaceEnd = 0x0000800000000000;

        [Fact]
        public async Task KernelAndBadAddressesPassedToSystemCallsGetErrorCodes()
        {
            const int MinimumChecks = 10;
            string run = ProgramContract.Run("systest", "badpointer");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            string[] failed = output.All(ProgramContract.BadPointerFailed).Select(item => item.Line.Text).ToArray();
            output.Assert(failed.Length == 0, "System calls with bad arguments got other results than expected:\n  " + string.Join("\n  ", failed));

            (SerialLine summary, Match verdict) = output.First(ProgramContract.BadPointerSummary, "badpointer's verdict");
            long passed = ProgramContract.Number(verdict, "passed");
            long total = ProgramContract.Number(verdict, "total");
            output.Assert(passed == total, $"Only {passed} of {total} bad calls were rejected as expected: \"{summary.Text}\".");
            output.Assert(total >= MinimumChecks, $"badpointer made only {total} checks; expected at least {MinimumChecks}.");

            IReadOnlyList<(SerialLine Line, Match Match)> checks = output.All(ProgramContract.BadPointerCheck);
            output.Assert(checks.Count == total, $"badpointer printed {checks.Count} check lines for its {total} checks.");
            string[] notErrors = checks.Where(check => ProgramContract.Number(check.Match, "code") >= 0).Select(check => check.Line.Text).ToArray();
            output.Assert(notErrors.Length == 0, "Calls with bad arguments succeeded instead of returning an error code:\n  " + string.Join("\n  ", notErrors));

            // The kernel answered with error codes; it neither ended the task nor panicked.
            output.Assert(output.All(ProgramContract.UserFault).Count == 0, "The kernel ended badpointer with a fault instead of returning errors.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task HelloReportsItsIdentityTheKernelInformationAndTheTaskList()
        {
            // No run= word: the root task starts "systest hello" by itself.
            await using QemuMachine machine = await ProgramRun.StartAsync();

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            string task = output.TaskIdOf("systest hello");
            (SerialLine identityLine, Match identity) = output.First(ProgramContract.HelloIdentity, "hello's identity line");
            output.Assert(identity.Groups["task"].Value == task, $"hello says it runs as task {identity.Groups["task"].Value}; the root task started it as {task}.");
            output.Assert(identity.Groups["utcbCheck"].Value == "matches", $"The UTCB does not hold the thread's own id: \"{identityLine.Text}\".");
            ulong utcb = ProgramContract.HexNumber(identity, "utcb");
            output.Assert(utcb != 0 && utcb < UserSpaceEnd, $"The UTCB at 0x{utcb:x} is not in the user half.");

            (SerialLine kernelLine, Match kernel) = output.First(ProgramContract.HelloKernel, "hello's kernel information line");
            (_, Match banner) = output.First(KernelContract.Banner, "the kernel's banner");
            output.Assert(
                kernel.Groups["version"].Value == banner.Groups["version"].Value,
                $"The kernel information page says version {kernel.Groups["version"].Value}; the banner says {banner.Groups["version"].Value}.");
            output.Assert(ProgramContract.Number(kernel, "tscMegahertz") > 0, $"The kernel information page gives no TSC frequency: \"{kernelLine.Text}\".");
            output.Assert(ProgramContract.Number(kernel, "tickHertz") > 0, $"The kernel information page gives no timer tick: \"{kernelLine.Text}\".");
            long mebibytes = ProgramContract.Number(kernel, "mebibytes");
            int machineMebibytes = machine.Options.MemoryMiB;
            output.Assert(mebibytes > 0 && mebibytes <= machineMebibytes, $"The kernel information page gives {mebibytes} MiB of a {machineMebibytes} MiB machine.");
            output.Assert(kernel.Groups["vendor"].Value.Length > 0, $"The kernel information page gives no CPU vendor: \"{kernelLine.Text}\".");

            // The listing has at least the root task (0.1) and hello's own task, each with its threads.
            IReadOnlyList<(SerialLine Line, Match Match)> tasks = output.All(ProgramContract.HelloTask);
            output.Assert(
                tasks.Any(item => item.Match.Groups["task"].Value == "0.1" && item.Match.Groups["name"].Value == "roottask"),
                "hello's task list has no line for the root task (task 0.1 roottask).");
            output.Assert(
                tasks.Any(item => item.Match.Groups["task"].Value == task && item.Match.Groups["name"].Value == "systest" && ProgramContract.Number(item.Match, "threads") >= 1),
                $"hello's task list has no line for its own task ({task} systest, at least one thread).");
            IReadOnlyList<(SerialLine Line, Match Match)> threads = output.All(ProgramContract.HelloThread);
            output.Assert(
                threads.Any(item => item.Match.Groups["thread"].Value == identity.Groups["thread"].Value && item.Match.Groups["task"].Value == task),
                $"hello's thread list has no line for its own thread {identity.Groups["thread"].Value} in task {task}.");
            output.Assert(threads.Any(item => item.Match.Groups["task"].Value == "0.1"), "hello's thread list has no thread of the root task.");

            output.AssertExited(task, 0);
        }
    }
}
