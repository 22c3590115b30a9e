using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The name broker (Servers/NameBroker) from clients' side, through systest's "broker" scenarios: register, look up,
    /// list and unregister; refusals for a task without a register right and for malformed requests; a name that
    /// disappears when its server ends; a server in one task reached by a client in another.
    /// </summary>
    public sealed class NameBrokerTests
    {
        // Boots with the run words, waits for every program to end, and checks that the broker started, never reported
        // trouble, and that each scenario passed every check and exited with 0.
        private static async Task<ProgramOutput> RunAsync(params string[] runWords)
        {
            await using QemuMachine machine = await ProgramRun.StartAsync(runWords);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            output.First(NameBrokerContract.BrokerStarted, "the root task's report that it started the name broker");
            output.First(NameBrokerContract.BrokerServing, "the broker's \"serving\" line");
            string[] trouble = output.All(NameBrokerContract.BrokerTrouble).Select(item => item.Line.Text).ToArray();
            output.Assert(trouble.Length == 0, "The broker reported trouble: " + string.Join(" | ", trouble));
            string[] failed = output.All(NameBrokerContract.CheckFailed).Select(item => item.Line.Text).ToArray();
            output.Assert(failed.Length == 0, "Failed checks: " + string.Join(" | ", failed));
            foreach (string run in runWords.Where(word => word.StartsWith("run=", System.StringComparison.Ordinal)))
            {
                string commandLine = ProgramContract.CommandLineOf(run.Split('+')[0]);
                string scenario = commandLine.Split(' ')[2];
                output.First(
                    NameBrokerContract.Verdict,
                    $"systest broker {scenario}'s verdict \"passed\"",
                    match => match.Groups["scenario"].Value == scenario && match.Groups["verdict"].Value == "passed");
                output.AssertExited(output.TaskIdOf(commandLine), 0);
            }
            return output;
        }

        private static string Broker(string scenario, params string[] arguments) =>
            ProgramContract.Run("systest", new[] { "broker", scenario }.Concat(arguments).ToArray());

        [Fact]
        public async Task RegisterLookupListAndUnregisterWorkAndAFullTableIsRefused()
        {
            ProgramOutput output = await RunAsync(Broker("basic", "test.basic") + "+register");
            string[] expected =
            {
                "register", "register the same name again", "lookup", "looked-up right is a live port send right without receive",
                "lookup into an occupied slot", "lookup into a free slot afterwards",
                "lookup of an unknown name", "list shows the name", "unregister", "lookup after unregister", "unregister again",
                "list no longer shows the name", "every name",
            };
            string[] checks = output.All(NameBrokerContract.Check).Select(item => item.Match.Groups["what"].Value).ToArray();
            foreach (string check in expected)
            {
                output.Assert(checks.Any(what => what == check || what.EndsWith(check, System.StringComparison.Ordinal)), $"systest broker basic did not report the check \"{check}\".");
            }
            (_, Match given) = output.First(NameBrokerContract.CapabilityGiven, "the root task's report that it gave a register right");
            output.Assert(given.Groups["what"].Value.StartsWith("a register right at the name broker", System.StringComparison.Ordinal), $"The root task gave {given.Groups["what"].Value}.");
            output.Assert(given.Groups["slot"].Value == "3", $"The register right went to slot {given.Groups["slot"].Value}, not 3.");
        }

        [Fact]
        public async Task ATaskWithoutARegisterRightCanOnlyLookUpAndList()
        {
            ProgramOutput output = await RunAsync(Broker("unprivileged", "test.sneaky"));
            output.First(NameBrokerContract.Check, "the refused registration", match => match.Groups["what"].Value == "register through the unbadged send right"
                && match.Groups["result"].Value == "not permitted");
            output.Assert(output.All(NameBrokerContract.CapabilityGiven).Count == 0, "The root task gave a capability to a run word without suffixes.");
        }

        [Fact]
        public async Task MalformedRequestsGetAStatusAndTheBrokerKeepsServing()
        {
            ProgramOutput output = await RunAsync(Broker("malformed"));
            output.First(NameBrokerContract.Check, "the broker's answer after the malformed requests", match => match.Groups["what"].Value == "a well-formed lookup afterwards"
                && match.Groups["result"].Value == "not found");
        }

        [Fact]
        public async Task ANameIsGoneOnceTheTaskThatRegisteredItHasEnded()
        {
            await RunAsync("sequential", Broker("vanish", "test.vanishing") + "+register", Broker("gone", "test.vanishing"));
        }

        [Fact]
        public async Task AClientInAnotherTaskCallsAServerItLookedUp()
        {
            ProgramOutput output = await RunAsync(Broker("serve", "test.echo", "1") + "+register", Broker("call", "test.echo"));
            output.First(NameBrokerContract.Check, "the client's call", match => match.Groups["what"].Value == "call through the looked-up right"
                && match.Groups["result"].Value == "answer 42");
        }
    }
}
