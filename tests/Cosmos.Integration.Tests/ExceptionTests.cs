using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// Exceptions in ring 3 (ehtest) and in the kernel: try/catch/finally semantics, CPU faults and ilc's checks arriving
    /// as the right exception types, the unhandled-exception report, and CFI stack traces in fault reports and panics.
    /// </summary>
    public sealed class ExceptionTests
    {
        // Every test of "ehtest all" (Programs/ExceptionTest/Scenarios.cs), each of which must print "ehtest: NAME ok".
        private static readonly string[] s_scenarios =
        {
            "finally", "basetype", "rethrow", "catchthrow", "finallythrow", "filter", "filterthrow", "nested",
            "null", "divide", "index", "overflow", "cast", "argument", "stacktrace", "thread", "collect",
        };

        [Fact]
        public async Task EveryCaughtExceptionScenarioPasses()
        {
            string run = ProgramContract.Run("ehtest", "all");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            IReadOnlyList<(SerialLine Line, Match Match)> results = output.All(ProgramContract.ExceptionTestResult);
            foreach (string scenario in s_scenarios)
            {
                (SerialLine line, Match result) = output.First(ProgramContract.ExceptionTestResult, $"ehtest's result for \"{scenario}\"", match => match.Groups["test"].Value == scenario);
                output.Assert(result.Groups["ok"].Success, $"ehtest {scenario} failed: \"{line.Text}\".");
            }
            output.Assert(results.Count == s_scenarios.Length, $"ehtest printed {results.Count} results for {s_scenarios.Length} scenarios.");
            output.First(ProgramContract.ExceptionTestAllPassed, "ehtest's verdict \"all passed\"");
            output.Assert(output.All(ProgramContract.UserFault).Count == 0, "A fault that should have become an exception ended up in the kernel's fault report.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task UnhandledExceptionReportNamesTypeMessageAndInnermostMethods()
        {
            string run = ProgramContract.Run("ehtest", "unhandled");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine headline, Match report) = output.First(ProgramContract.UnhandledException, "the unhandled-exception report");
            output.Assert(report.Groups["type"].Value == "System.InvalidOperationException", $"The report names the wrong type: \"{headline.Text}\".");
            output.Assert(report.Groups["message"].Value == "nobody catches this", $"The report lacks the message: \"{headline.Text}\".");
            string[] frames = FramesAfter(output, headline);
            string[] innermost = { "Unhandled.UnhandledInner", "Unhandled.UnhandledMiddle", "Unhandled.UnhandledOuter" };
            output.Assert(frames.Length >= innermost.Length, $"The report has {frames.Length} frames, fewer than {innermost.Length}.");
            for (int i = 0; i < innermost.Length; i++)
            {
                output.Assert(
                    frames[i] == "Cosmos.Programs.ExceptionTest." + innermost[i],
                    $"Frame {i} should be {innermost[i]}: [{string.Join(", ", frames)}].");
            }
            output.Assert(output.All(new Regex("^ehtest: unhandled FAILED")).Count == 0, "ehtest kept running after its unhandled exception, or a catch of another type took it.");
            output.Assert(output.All(ProgramContract.UserFault).Count == 0, "An unhandled exception should end the program, not fault.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), ProgramContract.UnhandledExceptionExitCode);
        }

        [Fact]
        public async Task AnExceptionThrownWhileReportingAnUnhandledOneEndsTheProgram()
        {
            string run = ProgramContract.Run("ehtest", "badmessage");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine line, Match failure) = output.First(ProgramContract.FatalErrorWhileReporting, "the note that reporting failed");
            output.Assert(failure.Groups["reason"].Value.Contains("while reporting an unhandled exception"), $"The note does not say what failed: \"{line.Text}\".");
            output.Assert(output.All(ProgramContract.FatalErrorWhileReporting).Count == 1, "The failed report was retried.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), -1);
        }

        [Fact]
        public async Task FaultThatIsNoExceptionPrintsAStackTraceBeforeTheKernelsReport()
        {
            string run = ProgramContract.Run("ehtest", "fault");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine traceStart, _) = output.First(ProgramContract.FaultStackTrace, "the fault's stack trace");
            string[] frames = FramesAfter(output, traceStart);
            output.Assert(
                frames.Length >= 2 && frames[0].EndsWith(".HardwareFaults.ReadKernel") && frames[1].EndsWith(".HardwareFaults.UnconvertedFault"),
                $"The trace should start ReadKernel, UnconvertedFault: [{string.Join(", ", frames)}].");
            string task = output.TaskIdOf(ProgramContract.CommandLineOf(run));
            (SerialLine faultLine, Match fault) = output.First(ProgramContract.UserFault, "the kernel's fault report", match => match.Groups["task"].Value == task);
            output.Assert(faultLine.Number > traceStart.Number, "The kernel's fault report came before the program's stack trace.");
            output.Assert(fault.Groups["remark"].Value == "kernel memory", $"The kernel's report is not about the read of kernel memory: \"{faultLine.Text}\".");
            (_, Match ended) = output.First(ProgramContract.ProgramFaulted, "the root task's report that ehtest ended by a fault", match => match.Groups["task"].Value == task);
            output.Assert(ProgramContract.Number(ended, "code") == -15, "A page fault ends the task with code -15.");
        }

        [Fact]
        public async Task KernelExceptionThatEscapesPanicsWithTypeMessageAndStackTrace()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "fault=throw" });

            SerialLine panic = await machine.WaitForLineAsync(KernelContract.Panic);
            await machine.WaitForLineAsync(new Regex("^panic: system halted$"));
            string report = machine.Output.TextFrom(panic);
            MachineAssert.True(machine, panic.Text.Contains("System.InvalidOperationException"), $"The panic line does not name the exception type: \"{panic.Text}\".");
            MachineAssert.True(machine, panic.Text.Contains("deliberate unhandled exception (fault=throw)"), $"The panic line lacks the message: \"{panic.Text}\".");
            string[] methods = Regex.Matches(report, @"^  #\d+\s+0x[0-9a-f]+ (?<method>[^+\s]+)", RegexOptions.Multiline)
                .Select(match => match.Groups["method"].Value)
                .ToArray();
            MachineAssert.True(
                machine,
                methods.Length >= 3 && methods[0] == "CosmosKernel.Diagnostics.DeliberateFault.ThrowUnhandled" && methods.Contains("CosmosKernel.KernelEntry.KernelMain"),
                $"The panic's stack trace should run from ThrowUnhandled to KernelMain: [{string.Join(", ", methods)}].");
        }

        // The method names of the "  at" lines that directly follow `start`.
        private static string[] FramesAfter(ProgramOutput output, SerialLine start)
        {
            List<string> frames = new List<string>();
            foreach (SerialLine line in output.Lines.Where(line => line.Number > start.Number))
            {
                Match frame = ProgramContract.ExceptionFrame.Match(line.Text);
                if (!frame.Success)
                {
                    break;
                }
                frames.Add(frame.Groups["method"].Value);
            }
            return frames.ToArray();
        }
    }
}
