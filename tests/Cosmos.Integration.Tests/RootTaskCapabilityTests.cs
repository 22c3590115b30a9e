using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The root task's capability hand-out: run-word suffixes "+irq=N", "+io=FIRST-LAST" and "+register" (Servers/RootTask/CapabilityHandOut.cs).</summary>
    public sealed class RootTaskCapabilityTests
    {
        [Fact]
        public async Task SuffixesGiveTheirCapabilitiesInOrderBeforeTheProgramRuns()
        {
            string run = ProgramContract.Run("systest", "given") + "+irq=1+io=0x60-0x64+register";
            await using QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            string task = output.TaskIdOf("systest given");
            string[] given = output.All(NameBrokerContract.CapabilityGiven, match => match.Groups["task"].Value == task)
                .Select(item => item.Match.Groups["what"].Value + " @" + item.Match.Groups["slot"].Value).ToArray();
            output.Assert(given.Length == 3, $"The root task reports {given.Length} capabilities given to {task}: {string.Join(", ", given)}.");
            output.Assert(given[0] == "interrupt line 1 @3", $"First given: {given[0]}.");
            output.Assert(given[1] == "I/O ports 0x60-0x64 @4", $"Second given: {given[1]}.");
            output.Assert(given[2].StartsWith("a register right at the name broker (badge ", System.StringComparison.Ordinal) && given[2].EndsWith("@5", System.StringComparison.Ordinal), $"Third given: {given[2]}.");

            // What the program itself finds in those slots when it runs: exactly the rights asked for, no Grant, so none
            // of them can be passed on.
            Match[] slots = output.All(NameBrokerContract.GivenSlot).Select(item => item.Match).ToArray();
            output.Assert(slots.Length == 3, $"systest given found {slots.Length} capabilities, not 3.");
            AssertSlot(output, slots[0], 3, NameBrokerContract.InterruptLineKind, NameBrokerContract.ControlRight);
            AssertSlot(output, slots[1], 4, NameBrokerContract.IoPortRangeKind, NameBrokerContract.ControlRight);
            AssertSlot(output, slots[2], 5, NameBrokerContract.PortKind, NameBrokerContract.SendRight);
            output.Assert(ProgramContract.Number(slots[2], "badge") % 2 == 1, $"The register right's badge {slots[2].Groups["badge"].Value} does not have bit 0 set.");
            output.First(NameBrokerContract.GivenEnable, "IoPortsEnable on the given range succeeding", match => match.Groups["slot"].Value == "4" && match.Groups["result"].Value == "ok");
            output.AssertExited(task, 0);
        }

        [Fact]
        public async Task AnUnknownSuffixOrABadRangeStartsNothingAndTheNextWordStillRuns()
        {
            string bogus = ProgramContract.Run("systest", "given") + "+bogus";
            string badRange = ProgramContract.Run("systest", "given") + "+io=0x64-0x60";
            string badLine = ProgramContract.Run("systest", "given") + "+irq=16";
            string good = ProgramContract.Run("systest", "given");
            await using QemuMachine machine = await ProgramRun.StartAsync(bogus, badRange, badLine, good);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            string[] refused = output.All(ProgramContract.ProgramNotStarted).Select(item => item.Match.Groups["name"].Value).ToArray();
            output.Assert(refused.Length == 3, $"The root task refused {refused.Length} words, not 3: {string.Join(", ", refused)}.");
            output.Assert(output.All(ProgramContract.ProgramStarted).Count(item => item.Match.Groups["commandLine"].Value == "systest given") == 1, "The root task should start systest given exactly once.");
            (_, Match count) = output.First(NameBrokerContract.GivenCount, "systest given's count");
            output.Assert(count.Groups["count"].Value == "0", $"A program started without suffixes found {count.Groups["count"].Value} given capabilities.");
        }

        private static void AssertSlot(ProgramOutput output, Match slot, int number, int kind, int rights)
        {
            string text = slot.Value;
            output.Assert(ProgramContract.Number(slot, "slot") == number, $"Expected slot {number}: \"{text}\".");
            output.Assert(ProgramContract.Number(slot, "kind") == kind, $"Slot {number} should hold kind {kind}: \"{text}\".");
            output.Assert(ProgramContract.Number(slot, "rights") == rights, $"Slot {number} should hold exactly rights {rights.ToString(CultureInfo.InvariantCulture)}: \"{text}\".");
            output.Assert(slot.Groups["state"].Value == "live", $"Slot {number} is stale: \"{text}\".");
        }
    }
}
