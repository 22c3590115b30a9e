using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>Ring-3 tasks and threads under the scheduler: preemption between tasks, and threads that come and go.</summary>
    public sealed class ThreadTests
    {
        [Fact]
        public async Task TwoRingThreeTasksThatNeverYieldInterleaveUnderPreemption()
        {
            const int Lines = 20;
            string runA = ProgramContract.Run("systest", "spin", "A", "20", "15");
            string runB = ProgramContract.Run("systest", "spin", "B", "20", "15");
            await using QemuMachine machine = await ProgramRun.StartAsync(runA, runB);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            IReadOnlyList<(SerialLine Line, Match Match)> spins = output.All(ProgramContract.SpinLine, match => match.Groups["label"].Value is "A" or "B");
            foreach (string label in new[] { "A", "B" })
            {
                var own = spins.Where(spin => spin.Match.Groups["label"].Value == label).ToList();
                long[] indices = own.Select(spin => ProgramContract.Number(spin.Match, "index")).ToArray();
                output.Assert(
                    indices.SequenceEqual(Enumerable.Range(0, Lines).Select(index => (long)index)),
                    $"spin {label} should print lines 0 to {Lines - 1} in order; it printed [{string.Join(", ", indices)}].");

                (SerialLine done, _) = output.First(ProgramContract.SpinDone, $"\"spin {label} done\"", match => match.Groups["label"].Value == label);
                output.Assert(done.Number > own[^1].Line.Number, $"\"spin {label} done\" came before its last numbered line.");
                output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(label == "A" ? runA : runB)), 0);
            }

            // Without preemption one task would print all its lines before the other: AAAA…BBBB…, a single switch.
            string order = string.Concat(spins.Select(spin => spin.Match.Groups["label"].Value));
            int switches = Enumerable.Range(1, order.Length - 1).Count(index => order[index] != order[index - 1]);
            output.Assert(switches >= 3, $"The spin lines switch between A and B only {switches} times (order {order}); expected at least 3.");
        }

        [Fact]
        public async Task ThousandThreadsCreatedAndEndedGiveBackEveryFrame()
        {
            const int Threads = 1000;
            string run = ProgramContract.Run("systest", "threads", Threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            output.Assert(output.All(ProgramContract.ThreadChurnFailed).Count == 0, "The thread churn stopped on a failed system call.");
            (_, Match churn) = output.First(ProgramContract.ThreadChurn, "the thread churn's result");
            long created = ProgramContract.Number(churn, "created");
            long ran = ProgramContract.Number(churn, "ran");
            long before = ProgramContract.Number(churn, "before");
            long after = ProgramContract.Number(churn, "after");
            output.Assert(created == Threads, $"{created} threads were created; expected {Threads}.");
            output.Assert(ran == Threads, $"{ran} threads ran; expected {Threads}.");
            output.Assert(before > 0, "The free-frame count before the churn is 0.");
            output.Assert(
                after == before,
                $"{Threads} threads that ended left {before - after} frames fewer free ({before} before, {after} after); each thread's kernel " +
                "stack and UTCB must come back.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }

        [Fact]
        public async Task SuspendedThreadStandsStillAndReportsItsRingThreeRegisters()
        {
            string run = ProgramContract.Run("systest", "suspend");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine recordLine, Match records) = output.First(ProgramContract.SuspendRecords, "suspend's record check");
            output.Assert(ProgramContract.Number(records, "records") == 2, $"ThreadsSuspend should describe the two threads of the task: \"{recordLine.Text}\".");
            output.Assert(records.Groups["self"].Value == "ok" && records.Groups["worker"].Value == "ok", $"A thread record is wrong: \"{recordLine.Text}\".");
            (SerialLine countLine, Match counts) = output.First(ProgramContract.SuspendCounts, "suspend's counts");
            long atSuspend = ProgramContract.Number(counts, "atSuspend");
            output.Assert(atSuspend > 0, $"The worker never ran before it was suspended: \"{countLine.Text}\".");
            output.Assert(ProgramContract.Number(counts, "whileSuspended") == atSuspend, $"The worker kept counting while suspended: \"{countLine.Text}\".");
            output.Assert(ProgramContract.Number(counts, "resumed") == 1, $"ThreadsResume should resume exactly the worker: \"{countLine.Text}\".");
            output.Assert(ProgramContract.Number(counts, "afterResume") > atSuspend, $"The worker did not run again after the resume: \"{countLine.Text}\".");
            output.Assert(counts.Groups["smallBuffer"].Value == "limit reached", $"A buffer too small for the task's threads should get LimitReached: \"{countLine.Text}\".");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }
    }
}
