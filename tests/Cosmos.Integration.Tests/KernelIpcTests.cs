using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The kernel's IPC seen through raw system calls (systest ipcsmoke, exceptionport): calls and replies between two
    /// threads, receive timeouts, a rights refusal, and ring-3 faults delivered as messages to an exception port. The
    /// Libc-level IPC scenarios are in IpcTests.
    /// </summary>
    public sealed class KernelIpcTests
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>"ipcsmoke: 1000 calls (3266 ns each), 0 wrong (first error ok); poll timed out, 20 ms wait timed out after 20507 us; send on receive-only insufficient rights".</summary>
        private static readonly Regex SmokeLine = new Regex(
            @"^ipcsmoke: 1000 calls \((?<nanoseconds>\d+) ns each\), (?<wrong>\d+) wrong \(first error (?<first>[^)]+)\); poll (?<poll>[a-z ]+), 20 ms wait (?<wait>[a-z ]+) after (?<waited>\d+) us; send on receive-only (?<refused>[a-z ]+)$", Options);

        /// <summary>"exceptionport: set ok, empty slot empty slot, worker set ok; resumed 1, ended 1, worker ran on 0, wrong messages 0".</summary>
        private static readonly Regex ExceptionPortSummary = new Regex(
            @"^exceptionport: set (?<set>[a-z ]+), empty slot (?<empty>[a-z ]+), worker set (?<worker>[a-z ]+); resumed (?<resumed>\d+), ended (?<ended>\d+), worker ran on (?<ranOn>\d+), wrong messages (?<wrong>\d+)$", Options);

        private static readonly Regex ExceptionPortResumed = new Regex(@"^exceptionport: main thread resumed past ud2$", Options);

        /// <summary>The kernel's line when an exception handler answers "end the thread".</summary>
        private static readonly Regex EndedByHandler = new Regex(@"fault: thread \d+\.\d+: invalid opcode \(#UD\) at 0x7100000000; its exception handler ended it$", Options);

        /// <summary>"taskcreation: create task: permission denied".</summary>
        private static readonly Regex TaskCreationLine = new Regex(@"^taskcreation: create task: (?<result>[a-z ]+)$", Options);

        [Theory]
        [InlineData("", "permission denied")]
        [InlineData("+spawn", "ok")]
        public async Task CreatingATaskNeedsATaskCapabilityNamingTheCreator(string suffix, string expected)
        {
            string run = ProgramContract.Run("systest", "taskcreation") + suffix;
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (_, Match line) = output.First(TaskCreationLine, "the taskcreation result");
            output.Assert(line.Groups["result"].Value == expected, $"TaskCreate from a program started with \"{run}\" returned \"{line.Groups["result"].Value}\"; expected \"{expected}\".");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task CallsBetweenTwoThreadsReturnEveryAnswerAndReceiveTimeoutsExpire()
        {
            string run = ProgramContract.Run("systest", "ipcsmoke");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (_, Match smoke) = output.First(SmokeLine, "the ipcsmoke summary");
            output.Assert(ProgramContract.Number(smoke, "wrong") == 0, $"{smoke.Groups["wrong"].Value} of 1000 calls got a wrong answer (first error: {smoke.Groups["first"].Value}).");
            output.Assert(smoke.Groups["poll"].Value == "timed out", $"A receive that polls an empty port returned \"{smoke.Groups["poll"].Value}\"; expected \"timed out\".");
            output.Assert(smoke.Groups["wait"].Value == "timed out", $"A 20 ms receive on an empty port returned \"{smoke.Groups["wait"].Value}\"; expected \"timed out\".");
            output.Assert(ProgramContract.Number(smoke, "waited") >= 20_000, $"The 20 ms receive returned after {smoke.Groups["waited"].Value} us.");
            output.Assert(smoke.Groups["refused"].Value == "insufficient rights", $"A send on a receive-only capability returned \"{smoke.Groups["refused"].Value}\"; expected \"insufficient rights\".");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task RingThreeFaultsBecomeMessagesThatTheHandlerResumesOrEnds()
        {
            string run = ProgramContract.Run("systest", "exceptionport");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            output.First(ExceptionPortResumed, "the main thread running on after its handler resumed it");
            output.First(EndedByHandler, "the kernel's report that the handler ended the worker thread");
            (_, Match summary) = output.First(ExceptionPortSummary, "the exceptionport summary");
            output.Assert(summary.Groups["set"].Value == "ok" && summary.Groups["worker"].Value == "ok", $"Setting the exception ports returned \"{summary.Groups["set"].Value}\" and \"{summary.Groups["worker"].Value}\".");
            output.Assert(summary.Groups["empty"].Value == "empty slot", $"An exception port from an empty slot returned \"{summary.Groups["empty"].Value}\"; expected \"empty slot\".");
            output.Assert(ProgramContract.Number(summary, "resumed") == 1 && ProgramContract.Number(summary, "ended") == 1, $"The handler resumed {summary.Groups["resumed"].Value} and ended {summary.Groups["ended"].Value} threads; expected 1 and 1.");
            output.Assert(ProgramContract.Number(summary, "ranOn") == 0, "The worker thread ran on after its handler ended it.");
            output.Assert(ProgramContract.Number(summary, "wrong") == 0, $"{summary.Groups["wrong"].Value} fault messages had a wrong label, vector, rip or thread.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }
    }
}
