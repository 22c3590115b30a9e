using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// A scenario of ring-3 programs: boot with run= words (<see cref="ProgramContract.Run"/>), let the root task start
    /// them all and wait until it reports that every one ended, then read what was printed.
    /// </summary>
    internal static class ProgramRun
    {
        /// <summary>
        /// How long a whole scenario may take, from QEMU's start to the root task's last line. The programs need well under
        /// ten seconds; the rest is for a noisy host, where TCG can be many times slower.
        /// </summary>
        public static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(120);

        /// <summary>Boots the image with <paramref name="runWords"/> as the kernel command line (no words: the root task's default program).</summary>
        public static Task<QemuMachine> StartAsync(params string[] runWords) =>
            QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = string.Join(" ", runWords) });

        /// <summary>
        /// Waits for "roottask: all programs ended" and returns the output up to it. A kernel panic fails at once instead of
        /// running into the timeout; so does a wait that times out, with the whole serial output in the message.
        /// </summary>
        public static async Task<ProgramOutput> WaitForAllProgramsAsync(QemuMachine machine)
        {
            SerialLine end = await machine.WaitForLineAsync(
                text => ProgramContract.AllProgramsEnded.IsMatch(text) || KernelContract.Panic.IsMatch(text),
                $"a line matching /{ProgramContract.AllProgramsEnded}/ (or a kernel panic)",
                ScenarioTimeout);
            MachineAssert.True(machine, !KernelContract.Panic.IsMatch(end.Text), $"The kernel panicked while the programs ran: \"{end.Text}\".");
            return new ProgramOutput(machine, machine.Output.Lines);
        }
    }

    /// <summary>The serial lines of a finished scenario, with look-ups whose failures carry the machine's whole output.</summary>
    internal sealed class ProgramOutput
    {
        public ProgramOutput(QemuMachine machine, IReadOnlyList<SerialLine> lines)
        {
            Machine = machine;
            Lines = lines;
        }

        public QemuMachine Machine { get; }

        public IReadOnlyList<SerialLine> Lines { get; }

        /// <summary>Every line that matches <paramref name="pattern"/> (and <paramref name="where"/>), in the order printed.</summary>
        public IReadOnlyList<(SerialLine Line, Match Match)> All(Regex pattern, Func<Match, bool> where = null) =>
            Lines.Select(line => (Line: line, Match: pattern.Match(line.Text)))
                .Where(item => item.Match.Success && (where == null || where(item.Match)))
                .ToList();

        /// <summary>The first line that matches; fails naming <paramref name="description"/> when none does.</summary>
        public (SerialLine Line, Match Match) First(Regex pattern, string description, Func<Match, bool> where = null)
        {
            IReadOnlyList<(SerialLine Line, Match Match)> found = All(pattern, where);
            Assert(found.Count > 0, $"No line is {description} (/{pattern}/).");
            return found[0];
        }

        /// <summary>The task id ("1.1") the root task reported for the program it started with <paramref name="commandLine"/>.</summary>
        public string TaskIdOf(string commandLine) =>
            First(
                ProgramContract.ProgramStarted,
                $"the root task's report that it started \"{commandLine}\"",
                match => match.Groups["commandLine"].Value == commandLine).Match.Groups["task"].Value;

        /// <summary>Asserts that the root task reports that task <paramref name="task"/> exited with <paramref name="code"/>.</summary>
        public void AssertExited(string task, long code)
        {
            (SerialLine report, _) = First(ProgramContract.ProgramEndReport, $"the root task's report of how task {task} ended", match => match.Groups["task"].Value == task);
            Match exited = ProgramContract.ProgramExited.Match(report.Text);
            Assert(
                exited.Success && ProgramContract.Number(exited, "code") == code,
                $"Task {task} should have exited with code {code}; the root task reports \"{report.Text}\".");
        }

        /// <summary>Fails with the machine's command line and serial output unless <paramref name="condition"/> holds.</summary>
        public void Assert(bool condition, string message) => MachineAssert.True(Machine, condition, message);
    }
}
