using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// IPC and capabilities from ring 3, through ipctest's modes (Programs/IpcTest): the documented error of every rights
    /// violation, timeouts, capability transfer, notifications, payloads to another task, a server pool, a server that
    /// ends mid-call, exception ports, and the bench figures. Partners in other tasks are child tasks ipctest starts itself.
    /// </summary>
    public sealed class IpcTests
    {
        /// <summary>The run-word suffix that lets a program create tasks (ipctest's peers run in child tasks).</summary>
        private const string SpawnSuffix = "+spawn";

        // Boots with "run=ipctest:MODE[:ARG]", waits for every program, checks that each expected check printed ok, the
        // mode's verdict and the exit code.
        private static async Task<ProgramOutput> RunModeAsync(string mode, string[] expectedChecks, params string[] arguments)
        {
            string run = ProgramContract.Run("ipctest", new[] { mode }.Concat(arguments).ToArray()) + SpawnSuffix; // its peers are child tasks
            await using QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            IReadOnlyList<(SerialLine Line, Match Match)> checks = output.All(IpcContract.Check, match => match.Groups["mode"].Value == mode);
            foreach ((SerialLine line, Match check) in checks)
            {
                output.Assert(check.Groups["verdict"].Value == "ok", $"ipctest {mode}: \"{line.Text}\".");
            }
            foreach (string name in expectedChecks)
            {
                output.Assert(checks.Any(item => item.Match.Groups["name"].Value == name), $"ipctest {mode} did not run the check \"{name}\".");
            }
            (_, Match result) = output.First(IpcContract.Result, $"ipctest {mode}'s verdict", match => match.Groups["mode"].Value == mode);
            output.Assert(result.Groups["verdict"].Value == "ok", $"ipctest {mode} reports: {result.Groups["verdict"].Value}");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
            return output;
        }

        [Fact]
        public async Task EveryRightsViolationReturnsItsDocumentedError()
        {
            await RunModeAsync("rights", new[]
            {
                "new_port_rights", "send_on_receive_only", "call_on_receive_only", "receive_on_send_only", "reply_wait_on_send_only",
                "send_poll_without_receiver", "send_to_notification", "receive_on_notification", "signal_port", "wait_on_port",
                "send_to_empty_slot", "information_of_empty_slot", "send_to_slot_0", "send_to_slot_256", "send_to_slot_2^32+port",
                "send_to_slot_max", "copy_from_slot_300", "delete_slot_0", "copy_with_more_rights", "minted_badge_reads_5",
                "mint_a_badged_capability", "revoke_without_receive", "revoke_debug_console", "tag_with_reserved_bits",
                "tag_with_reserved_bits_reason", "tag_too_long", "tag_too_long_reason", "item_of_kind_0", "item_of_kind_0_reason",
                "map_item_is_a_valid_message", "reply_without_caller", "save_reply_without_caller", "revoke_port", "send_after_revoke",
                "minted_after_revoke", "receive_only_after_revoke", "information_says_stale", "revoker_still_receives",
                "copy_of_stale", "delete_stale", "send_after_delete", "moved_source_is_empty", "moved_destination_works",
            });
        }

        [Fact]
        public async Task PollFiniteAndInfiniteTimeoutsBehave()
        {
            ProgramOutput output = await RunModeAsync("timeouts", new[]
            {
                "receive_poll", "receive_poll_at_once", "call_poll", "call_poll_at_once", "receive_finite", "receive_finite_not_early",
                "receive_finite_not_late", "send_finite", "send_finite_in_bounds", "receive_infinite_gets_the_partner", "receive_infinite_waited",
            });
            (_, Match finite) = output.First(IpcContract.FiniteTimeout, "ipctest timeouts' measured finite timeout");
            double measured = double.Parse(finite.Groups["measured"].Value, CultureInfo.InvariantCulture);
            output.Assert(measured >= 20 && measured <= 120, $"A 20 ms receive timeout returned after {measured} ms.");
        }

        [Fact]
        public async Task CapabilitiesTravelInMessagesByCopyAndByMove()
        {
            await RunModeAsync("transfer", new[]
            {
                "copy_delivered", "copy_used_by_receiver", "copy_sender_keeps_it", "move_delivered", "move_empties_sender_slot",
                "move_used_by_receiver", "saved_reply_answers", "copy_of_reply_capability", "reply_capability_used_up",
                "echo_copy_came_back", "echo_copy_sender_keeps_it", "echo_copy_returned_works",
                "echo_move_came_back", "echo_move_empties_sender_slot", "echo_move_returned_works",
            });
        }

        [Fact]
        public async Task NotificationsOrTheirBitsCarryBadgesWakeAnotherTaskAndArriveThroughABoundPort()
        {
            await RunModeAsync("notify", new[]
            {
                "bits_are_ored", "wait_clears_bits", "signal_no_bits", "badge_bits_arrive", "wait_on_send_only",
                "other_task_wakes_and_answers", "pending_bits_through_port", "signal_wakes_port_receiver", "messages_still_arrive",
                "unbind", "unbound_bits_stay_off_the_port",
            });
        }

        [Fact]
        public async Task AHundredThousandCallsToAnotherTaskKeepEveryPayloadOfEverySizeIntact()
        {
            ProgramOutput output = await RunModeAsync("calls", new[]
            {
                "cross_task_calls_answered", "cross_task_payloads_intact", "strings_answered", "strings_intact",
                "same_task_calls_answered", "same_task_payloads_transformed",
            });
            (_, Match crossTask) = output.First(IpcContract.Calls, "ipctest calls' cross-task figures", match => match.Groups["where"].Value == "cross_task");
            output.Assert(ProgramContract.Number(crossTask, "calls") == 100_000, "ipctest calls should make 100000 calls to the other task.");
            output.Assert(ProgramContract.Number(crossTask, "mismatches") == 0 && ProgramContract.Number(crossTask, "failures") == 0, "some cross-task calls failed or came back changed.");
            (_, Match strings) = output.First(IpcContract.Strings, "ipctest calls' string figures");
            output.Assert(ProgramContract.Number(strings, "largest") == 65536, "the largest string should be 64 KiB.");
            output.Assert(ProgramContract.Number(strings, "mismatches") == 0 && ProgramContract.Number(strings, "failures") == 0, "some strings failed or came back changed.");
        }

        [Fact]
        public async Task APoolOfThreeServerThreadsAnswersEveryRequestOfFourClientTasksOnce()
        {
            ProgramOutput output = await RunModeAsync("pool", new[]
            {
                "client_0_all_answers_right", "client_1_all_answers_right", "client_2_all_answers_right", "client_3_all_answers_right",
                "stop_server_0", "stop_server_1", "stop_server_2", "servers_stopped",
                "client_0_served_once_each", "client_1_served_once_each", "client_2_served_once_each", "client_3_served_once_each",
                "every_request_answered_once",
            });
            IReadOnlyList<(SerialLine Line, Match Match)> servers = output.All(IpcContract.PoolServer);
            output.Assert(servers.Count == 3, $"ipctest pool printed {servers.Count} server counts, not 3.");
            (_, Match total) = output.First(IpcContract.PoolTotal, "ipctest pool's totals");
            output.Assert(ProgramContract.Number(total, "requests") == 8000 && ProgramContract.Number(total, "answered") == 8000, "4 clients × 2000 requests should all be answered.");
            output.Assert(servers.Sum(item => ProgramContract.Number(item.Match, "served")) == 8000, "the server threads' counts do not add up to 8000.");
        }

        [Fact]
        public async Task ACallerGetsPartnerGoneWhenTheServerEndsOrIsKilledBeforeReplying()
        {
            await RunModeAsync("gone", new[]
            {
                "server_ends_before_replying", "vanish_peer_took_the_call", "port_without_receiver_times_out",
                "server_killed_mid_call", "caller_waited_for_the_kill", "delete_last_receive_right", "port_destroyed_wakes_sender",
                "send_right_of_destroyed_port_is_stale", "revoke_port_with_queued_sender", "revoke_wakes_queued_sender", "revoked_send_right_is_stale",
                "server_receives_again_call_taken", "server_receives_again_caller_gets_partner_gone",
                "caller_killed_call_taken", "caller_killed_reply_finds_no_caller",
            });
        }

        [Fact]
        public async Task AFaultGoesToTheThreadsExceptionPortWhoseReplyEndsOrResumesTheThread()
        {
            await RunModeAsync("exceptions", new[]
            {
                "end_thread_set_exception_port", "end_thread_fault_message_arrives", "end_thread_vector_is_ud", "end_thread_names_the_thread_and_task",
                "end_thread_rip_is_the_ud2", "end_thread_reply", "end_thread_thread_ended",
                "resume_set_exception_port", "resume_fault_message_arrives", "resume_vector_is_ud", "resume_names_the_thread_and_task",
                "resume_rip_is_the_ud2", "resume_reply", "resume_thread_runs_on",
            });
        }

        [Fact]
        public async Task TwoIpctestTasksMeetThroughTheNameBrokerAndMakeAHundredThousandVerifiedCalls()
        {
            string server = ProgramContract.Run("ipctest", "server", "ipctest.pair", "100000");
            string client = ProgramContract.Run("ipctest", "client", "ipctest.pair", "100000");
            await using QemuMachine machine = await ProgramRun.StartAsync(server + "+register", client);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            foreach ((SerialLine line, Match check) in output.All(IpcContract.Check, match => match.Groups["mode"].Value == "pair"))
            {
                output.Assert(check.Groups["verdict"].Value == "ok", $"ipctest pair: \"{line.Text}\".");
            }
            (_, Match serverFigures) = output.First(IpcContract.PairServer, "the pair server's figures");
            output.Assert(ProgramContract.Number(serverFigures, "requests") == 100_000 && ProgramContract.Number(serverFigures, "bad") == 0, "the server should have checked 100000 intact requests.");
            (_, Match clientFigures) = output.First(IpcContract.PairClient, "the pair client's figures");
            output.Assert(ProgramContract.Number(clientFigures, "calls") == 100_000 && ProgramContract.Number(clientFigures, "mismatches") == 0 && ProgramContract.Number(clientFigures, "failures") == 0,
                "the client should have made 100000 calls with intact answers.");
            output.Assert(output.All(IpcContract.Result, match => match.Groups["mode"].Value == "pair" && match.Groups["verdict"].Value == "ok").Count == 2, "both ipctest tasks should report \"ipctest pair: ok\".");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(server)), 0);
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(client)), 0);
        }

        [Fact]
        public async Task TheBenchModePrintsEveryIpcFigure()
        {
            string run = ProgramContract.Run("ipctest", "bench", "2000") + SpawnSuffix;
            await using QemuMachine machine = await ProgramRun.StartAsync(run);
            ProgramOutput output = await ProgramRun.WaitForAllProgramsAsync(machine);
            var figures = output.All(IpcContract.Benchmark).ToDictionary(item => item.Match.Groups["name"].Value, item => item.Match);
            foreach (string name in new[] { "ipc_rtt_0w", "ipc_rtt_8w", "ipc_rtt_64w", "ipc_rtt_same_task", "notify_wakeup" })
            {
                output.Assert(figures.ContainsKey(name) && figures[name].Groups["unit"].Value == "ns" && ProgramContract.Number(figures[name], "count") == 2000, $"ipctest bench should print {name} in ns over 2000 samples.");
            }
            output.Assert(figures.ContainsKey("ipc_rtt_4k") && ProgramContract.Number(figures["ipc_rtt_4k"], "count") == 200, "ipctest bench should print ipc_rtt_4k over 200 samples.");
            (_, Match done) = output.First(IpcContract.BenchDone, "ipctest bench's last line");
            output.Assert(done.Groups["verdict"].Value == "done", "ipctest bench reports a failure.");
            output.AssertExited(output.TaskIdOf(ProgramContract.CommandLineOf(run)), 0);
        }
    }
}
