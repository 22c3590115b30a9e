using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// CPU exceptions in ring 3 end the faulting task with a report that names the task, the exception and the method; the
    /// kernel and the other tasks keep running. Libc's fault handler first turns #DE and null dereferences into managed
    /// exceptions (an uncaught one ends the program with its report); other faults get a stack trace from the program,
    /// then the kernel's report.
    /// </summary>
    public sealed class UserFaultTests
    {
        private const ulong KernelAddressRead = 0xffff800000100000; // mapped for the kernel (the direct map), so only the user/supervisor check stops the read

        [Fact]
        public async Task DivideByZeroEndsThatTaskAsAnUnhandledExceptionWhileAnotherTaskKeepsRunning()
        {
            // Started first and busy for at least 300 ms of guest time, so it is still running when the other task faults.
            const int SpinLines = 30;
            string spin = ProgramContract.Run("systest", "spin", "C", "30", "10");
            string divide = ProgramContract.Run("systest", "divide");
            await using QemuMachine machine = await ProgramRun.StartAsync(spin, divide);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            // Libc's fault handler turns #DE into a DivideByZeroException; nobody catches it, so the program reports it and exits.
            string divideTask = output.TaskIdOf(ProgramContract.CommandLineOf(divide));
            (SerialLine announced, _) = output.First(ProgramContract.DivideStarting, "divide's announcement");
            (SerialLine reportLine, Match report) = output.First(ProgramContract.UnhandledException, "the unhandled-exception report");
            output.Assert(report.Groups["type"].Value == "System.DivideByZeroException", $"The report names the wrong type: \"{reportLine.Text}\".");
            output.Assert(announced.Number < reportLine.Number, "The exception report came before divide announced the division.");
            SerialLine firstFrame = output.Lines.First(line => line.Number == reportLine.Number + 1);
            Match frame = ProgramContract.ExceptionFrame.Match(firstFrame.Text);
            output.Assert(
                frame.Success && frame.Groups["method"].Value.EndsWith(".Faults.DivideByZero", System.StringComparison.Ordinal),
                $"The report's first frame should be Faults.DivideByZero: \"{firstFrame.Text}\".");
            output.Assert(output.All(ProgramContract.UserFault).Count == 0, "#DE became a kernel fault report instead of an exception.");
            output.Assert(output.All(ProgramContract.FaultSurvived).Count == 0, "divide kept running after its division by zero.");
            output.AssertExited(divideTask, ProgramContract.UnhandledExceptionExitCode);

            IReadOnlyList<(SerialLine Line, Match Match)> spinLines = output.All(ProgramContract.SpinLine, match => match.Groups["label"].Value == "C");
            long[] indices = spinLines.Select(line => ProgramContract.Number(line.Match, "index")).ToArray();
            output.Assert(
                indices.SequenceEqual(Enumerable.Range(0, SpinLines).Select(index => (long)index)),
                $"spin C should print lines 0 to {SpinLines - 1} in order; it printed [{string.Join(", ", indices)}].");
            int afterFault = spinLines.Count(line => line.Line.Number > reportLine.Number);
            output.Assert(afterFault > 0, "spin C printed nothing after the other task's exception: it did not keep running.");
            (SerialLine done, _) = output.First(ProgramContract.SpinDone, "\"spin C done\"", match => match.Groups["label"].Value == "C");
            output.Assert(done.Number > reportLine.Number, "\"spin C done\" came before the exception.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(spin)), 0);
        }

        [Fact]
        public async Task ReadingKernelMemoryEndsTheTaskWithoutAKernelPanic()
        {
            string run = ProgramContract.Run("systest", "readkernel");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            string task = output.TaskIdOf(ProgramContract.CommandLineOf(run));
            (SerialLine announced, Match announcement) = output.First(ProgramContract.ReadKernelStarting, "readkernel's announcement");
            output.Assert(
                ProgramContract.HexNumber(announcement, "address") == KernelAddressRead,
                $"readkernel reads 0x{ProgramContract.HexNumber(announcement, "address"):x}, not the kernel address 0x{KernelAddressRead:x}.");

            (SerialLine faultLine, Match fault) = AssertFaultEndedTask(output, task, "page fault", "Read");
            output.Assert(announced.Number < faultLine.Number, "The fault report came before readkernel announced the read.");
            output.Assert(
                fault.Groups["address"].Success && ProgramContract.HexNumber(fault, "address") == KernelAddressRead,
                $"The page fault report does not give the address 0x{KernelAddressRead:x}: \"{faultLine.Text}\".");
            output.Assert(fault.Groups["remark"].Value == "kernel memory", $"The page fault report does not say \"(kernel memory)\": \"{faultLine.Text}\".");

            // The kernel survived: no panic anywhere, and the root task went on to its last report (WaitForAllProgramsAsync).
            output.Assert(output.All(KernelContract.Panic).Count == 0, "The kernel panicked after a ring-3 page fault.");
        }

        [Fact]
        public async Task InvalidOpcodeAndPrivilegedInstructionEachEndOnlyTheirTask()
        {
            string invalid = ProgramContract.Run("systest", "invalid");
            string privileged = ProgramContract.Run("systest", "privileged");
            string spin = ProgramContract.Run("systest", "spin", "D", "5", "5");
            await using QemuMachine machine = await ProgramRun.StartAsync(invalid, privileged, spin);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            IReadOnlyList<(SerialLine Line, Match Match)> faults = output.All(ProgramContract.UserFault);
            output.Assert(faults.Count == 2, $"Expected two ring-3 fault reports (#UD and #GP); there are {faults.Count}.");
            string invalidTask = output.TaskIdOf(ProgramContract.CommandLineOf(invalid));
            string privilegedTask = output.TaskIdOf(ProgramContract.CommandLineOf(privileged));
            output.Assert(
                faults.Any(fault => fault.Match.Groups["task"].Value == invalidTask && fault.Match.Groups["exception"].Value.Contains("invalid opcode (#UD)")),
                $"No invalid-opcode report for task {invalidTask}.");
            output.Assert(
                faults.Any(fault => fault.Match.Groups["task"].Value == privilegedTask && fault.Match.Groups["exception"].Value.Contains("general protection fault (#GP)")),
                $"No general-protection report for task {privilegedTask}.");
            foreach (string task in new[] { invalidTask, privilegedTask })
            {
                (SerialLine endedLine, Match ended) = output.First(
                    ProgramContract.TaskEnded, $"the kernel's report that task {task} ended", match => match.Groups["task"].Value == task);
                output.Assert(ended.Groups["how"].Value == "fault", $"Task {task} ended other than by a fault: \"{endedLine.Text}\".");
            }
            output.Assert(output.All(ProgramContract.FaultSurvived).Count == 0, "A faulting systest kept running after its fault.");
            output.Assert(output.All(KernelContract.Panic).Count == 0, "The kernel panicked after a ring-3 fault.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(spin)), 0);
        }

        /// <summary>
        /// Asserts the kernel's fault report for <paramref name="task"/> (a systest task) with the exception and the faulting
        /// method, then the kernel's and the root task's reports that the task ended by a fault, with the same negative code.
        /// Returns the fault report.
        /// </summary>
        private static (SerialLine Line, Match Match) AssertFaultEndedTask(ProgramOutput output, string task, string exception, string method)
        {
            IReadOnlyList<(SerialLine Line, Match Match)> faults = output.All(ProgramContract.UserFault);
            output.Assert(faults.Count == 1, $"Expected one ring-3 fault report, for task {task}; there are {faults.Count}.");
            (SerialLine faultLine, Match fault) = faults[0];
            output.Assert(fault.Groups["task"].Value == task, $"The fault report is about task {fault.Groups["task"].Value}, not {task}.");
            output.Assert(fault.Groups["name"].Value == "systest", $"The fault report does not name the task \"systest\": \"{faultLine.Text}\".");
            output.Assert(fault.Groups["exception"].Value.Contains(exception), $"The fault report does not name the exception \"{exception}\": \"{faultLine.Text}\".");
            output.Assert(
                fault.Groups["symbol"].Success && Regex.IsMatch(fault.Groups["symbol"].Value, $@"\.{method}(\+0x[0-9a-f]+)?$"),
                $"The fault report does not name the method {method}: \"{faultLine.Text}\".");

            (SerialLine endedLine, Match ended) = output.First(
                ProgramContract.TaskEnded, $"the kernel's report that task {task} ended", match => match.Groups["task"].Value == task);
            output.Assert(ended.Groups["how"].Value == "fault", $"The kernel reports task {task} ended other than by a fault: \"{endedLine.Text}\".");
            output.Assert(endedLine.Number > faultLine.Number, "The task ended before its fault was reported.");
            long code = ProgramContract.Number(ended, "code");
            output.Assert(code < 0, $"A task ended by a fault should have a negative code: \"{endedLine.Text}\".");

            (SerialLine report, _) = output.First(
                ProgramContract.ProgramEndReport, $"the root task's report of how task {task} ended", match => match.Groups["task"].Value == task);
            Match faulted = ProgramContract.ProgramFaulted.Match(report.Text);
            output.Assert(
                faulted.Success && ProgramContract.Number(faulted, "code") == code,
                $"The root task should report that task {task} ended by a fault (code {code}): \"{report.Text}\".");

            output.Assert(output.All(ProgramContract.FaultSurvived).Count == 0, "A faulting systest kept running after its fault.");
            return (faultLine, fault);
        }
    }
}
