using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The root task as the starter of the programs named on the kernel command line.</summary>
    public sealed class RootTaskTests
    {
        [Fact]
        public async Task ProgramWithoutABootModuleIsReportedAndTheNextOneStillStarts()
        {
            const string Missing = "nosuchprogram";
            string present = ProgramContract.Run("systest", "spin", "D", "1", "1");
            await using QemuMachine machine = await ProgramRun.StartAsync(ProgramContract.Run(Missing), present);

            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);

            (SerialLine reportLine, Match report) = output.First(
                ProgramContract.ProgramNotStarted, $"the root task's report that it cannot start {Missing}", match => match.Groups["name"].Value == Missing);
            output.Assert(
                report.Groups["reason"].Value == ProgramContract.NoSuchModuleReason,
                $"The root task gives another reason than \"{ProgramContract.NoSuchModuleReason}\": \"{reportLine.Text}\".");
            output.Assert(
                !output.All(ProgramContract.ProgramStarted).Any(started => started.Match.Groups["commandLine"].Value.StartsWith(Missing, System.StringComparison.Ordinal)),
                $"The root task reports that it started {Missing}.");

            // The missing program does not stop the root task: the next word's program starts and is waited for.
            string task = output.TaskIdOf(ProgramContract.CommandLineOf(present));
            output.First(ProgramContract.SpinDone, "\"spin D done\"", match => match.Groups["label"].Value == "D");
            output.AssertExited(task, 0);
        }
    }
}
