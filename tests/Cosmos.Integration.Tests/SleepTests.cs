using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// Tests that measure time inside the guest. They run alone, after the parallel tests, so that a second QEMU does not
    /// take the CPU they are measuring on; their tolerances are still generous enough for a busy host.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TimingSensitiveCollection
    {
        public const string Name = "Timing-sensitive QEMU tests";
    }

    /// <summary>The Sleep system call against the uptime clock, the only test that asserts on time.</summary>
    [Collection(TimingSensitiveCollection.Name)]
    public sealed class SleepTests
    {
        private const long NanosecondsPerMillisecond = 1_000_000;

        // What "systest sleep" asks for, in this order.
        private static readonly long[] s_requestedMilliseconds = { 1, 5, 20, 100, 250 };

        // A sleep may end late by the larger of this and its own length: a tick, a time slice, a host that stalls QEMU.
        private const long MinimumLatenessMilliseconds = 50;

        [Fact]
        public async Task SleepLastsAtLeastTheRequestedTimeAndNotMuchLonger()
        {
            string run = ProgramContract.Run("systest", "sleep");
            await using QemuMachine machine = await ProgramRun.StartAsync(run);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            IReadOnlyList<(SerialLine Line, Match Match)> measured = output.All(ProgramContract.SleepMeasured);
            output.Assert(
                measured.Count == s_requestedMilliseconds.Length,
                $"\"systest sleep\" printed {measured.Count} measurements; expected {s_requestedMilliseconds.Length}.");
            for (int i = 0; i < measured.Count; i++)
            {
                Match match = measured[i].Match;
                long requested = ProgramContract.Number(match, "requested");
                long slept = ProgramContract.Number(match, "slept");
                long latest = requested + Math.Max(MinimumLatenessMilliseconds * NanosecondsPerMillisecond, requested);
                string line = $"\"{measured[i].Line.Text}\"";

                output.Assert(requested == s_requestedMilliseconds[i] * NanosecondsPerMillisecond, $"Measurement {i + 1} {line} is not of {s_requestedMilliseconds[i]} ms.");
                output.Assert(!match.Groups["error"].Success, $"The Sleep system call failed: {line}.");
                output.Assert(slept >= requested, $"The thread woke before its deadline: {line}.");
                output.Assert(slept <= latest, $"The thread woke more than {(latest - requested) / NanosecondsPerMillisecond} ms late: {line}.");
            }

            (SerialLine done, _) = output.First(ProgramContract.SleepDone, "\"sleep: done\"");
            output.Assert(done.Number > measured[^1].Line.Number, "\"sleep: done\" came before the last measurement.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }
    }
}
