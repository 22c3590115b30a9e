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
            await using QemuMachine machine = await ProgramRun.StartAsync("run=systest:hello");

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

            // The listing has at least the two tasks the kernel starts — sigma0 (0.1) and the root task (1.1) — and hello's
            // own task, each with its threads.
            IReadOnlyList<(SerialLine Line, Match Match)> tasks = output.All(ProgramContract.HelloTask);
            output.Assert(
                tasks.Any(item => item.Match.Groups["task"].Value == "0.1" && item.Match.Groups["name"].Value == "sigma0"),
                "hello's task list has no line for sigma0 (task 0.1 sigma0).");
            output.Assert(
                tasks.Any(item => item.Match.Groups["task"].Value == "1.1" && item.Match.Groups["name"].Value == "roottask"),
                "hello's task list has no line for the root task (task 1.1 roottask).");
            output.Assert(
                tasks.Any(item => item.Match.Groups["task"].Value == task && item.Match.Groups["name"].Value == "systest" && ProgramContract.Number(item.Match, "threads") >= 1),
                $"hello's task list has no line for its own task ({task} systest, at least one thread).");
            IReadOnlyList<(SerialLine Line, Match Match)> threads = output.All(ProgramContract.HelloThread);
            output.Assert(
                threads.Any(item => item.Match.Groups["thread"].Value == identity.Groups["thread"].Value && item.Match.Groups["task"].Value == task),
                $"hello's thread list has no line for its own thread {identity.Groups["thread"].Value} in task {task}.");
            output.Assert(threads.Any(item => item.Match.Groups["task"].Value == "1.1"), "hello's thread list has no thread of the root task.");

            output.AssertExited(task, 0);
        }

        [Fact]
        public async Task KernelHeapDoesNotGrowAcrossAHundredThousandSystemCalls()
        {
            const long Calls = 100000;
            string run = ProgramContract.Run("systest", "kernelheap", Calls.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "+spawn"; // it creates tasks too
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine line, Match result) = output.First(ProgramContract.KernelHeapResult, "kernelheap's result");
            output.Assert(ProgramContract.Number(result, "calls") >= Calls, $"kernelheap made fewer than {Calls} calls: \"{line.Text}\".");
            output.Assert(ProgramContract.Number(result, "threads") > 0, $"kernelheap ran no threads, so thread creation was not covered: \"{line.Text}\".");
            output.Assert(
                ProgramContract.Number(result, "bytesBefore") == ProgramContract.Number(result, "bytesAfter"),
                $"The kernel heap's bytes in use changed across the calls: \"{line.Text}\".");
            output.Assert(
                ProgramContract.Number(result, "allocationsBefore") == ProgramContract.Number(result, "allocationsAfter"),
                $"The kernel allocated from its heap during the calls: \"{line.Text}\".");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task FaultGoesToTheTasksHandlerAndAFaultInsideTheHandlerEndsTheTask()
        {
            const long PageFaultVector = 14;
            string run = ProgramContract.Run("systest", "faulthandler");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine line, Match record) = output.First(ProgramContract.FaultHandlerRecord, "the handler's view of the fault record");
            output.Assert(ProgramContract.Number(record, "vector") == PageFaultVector, $"The handler got another vector than #PF: \"{line.Text}\".");
            output.Assert(ProgramContract.HexNumber(record, "address") == 0x8, $"The record's fault address is not the one read: \"{line.Text}\".");
            output.Assert(ProgramContract.HexNumber(record, "errorCode") == 0x4, $"A user-mode read of a missing page has error code 0x4: \"{line.Text}\".");
            output.Assert(ProgramContract.Number(record, "pending") == 1, $"The kernel must set Pending when it delivers a fault: \"{line.Text}\".");
            output.Assert(record.Groups["record"].Value == "in the UTCB", $"rdi should point at the thread's UTCB fault record: \"{line.Text}\".");
            output.Assert(record.Groups["rsp"].Value == "in the faulting frame", $"The saved rsp is not the faulting frame's: \"{line.Text}\".");
            ulong rip = ProgramContract.HexNumber(record, "rip");
            output.Assert(rip >= 0x400000 && rip < 0x1000000000, $"The saved rip 0x{rip:x} is not in the program.");

            string task = output.TaskIdOf(ProgramContract.CommandLineOf(run));
            (SerialLine faultLine, Match fault) = output.First(ProgramContract.UserFault, "the kernel's report of the fault inside the handler", match => match.Groups["task"].Value == task);
            output.Assert(fault.Groups["symbol"].Value.Contains("FaultHandlerDelivery.Handle", System.StringComparison.Ordinal), $"The second fault should be reported in the handler: \"{faultLine.Text}\".");
            output.Assert(ProgramContract.HexNumber(fault, "address") == 0x10, $"The report should name the handler's own bad address: \"{faultLine.Text}\".");
            output.Assert(output.All(new Regex("^faulthandler: FAILED")).Count == 0, "The program survived a fault it should not have.");
            (_, Match ended) = output.First(ProgramContract.ProgramFaulted, "the root task's report that systest ended by a fault", match => match.Groups["task"].Value == task);
            output.Assert(ProgramContract.Number(ended, "code") == -(PageFaultVector + 1), $"The task should end with code {-(PageFaultVector + 1)}.");
        }
    }
}
