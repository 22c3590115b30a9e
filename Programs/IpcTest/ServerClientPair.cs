using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "server NAME [N]" and "client NAME [N]": two ipctest tasks that meet through the name broker
    /// (<see cref="Rendezvous"/>). The client makes N calls (default 100000) of every size from 0 to 64 words in turn; the
    /// server (a ServerLoop handler) checks every request's label, size and words against what call i must carry and
    /// answers with the words complemented and the label + 1, which the client checks in turn. A last request stops the
    /// server. Prints "ipctest pair server: requests=R bad=B" and "ipctest pair client: calls=N mismatches=M failures=F".
    /// </summary>
    internal static class ServerClientPair
    {
        private const int DefaultCalls = 100000;
        private const uint RequestLabel = 0x500;
        private const uint StopLabel = 0x5FF;
        private const uint ClientSlot = 240;
        private const ulong FindTimeout = 30_000_000_000;

        public static int Server(string[] arguments)
        {
            string name = arguments.Length > 2 ? arguments[2] : "ipctest.pair";
            Checks checks = new Checks("pair");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("server_create_port", port))
            {
                return checks.Verdict();
            }
            NameBrokerStatus status = Rendezvous.Publish(name, (uint)port, out uint sendRight);
            if (!checks.True("server_registered", status == NameBrokerStatus.Ok, NameBroker.Describe(status)))
            {
                return checks.Verdict();
            }
            PairHandler handler = default;
            IpcResult result = PortEndpoint.Serve((uint)port, ref handler);
            Output.Line("pair server: requests=" + handler.Requests.ToString() + " bad=" + handler.Bad.ToString());
            checks.True("server_stopped_by_request", result.Succeeded, "the loop ended with " + Output.Error(result.Value));
            checks.True("server_requests_intact", handler.Bad == 0 && handler.Requests > 0, handler.Bad.ToString() + " of " + handler.Requests.ToString() + " requests were not what the client sent");
            NameBroker.Unregister(name);
            Capabilities.Delete(sendRight);
            Capabilities.Delete((uint)port);
            return checks.Verdict();
        }

        public static int Client(string[] arguments)
        {
            string name = arguments.Length > 2 ? arguments[2] : "ipctest.pair";
            int calls = Output.Number(arguments, 3, DefaultCalls);
            Checks checks = new Checks("pair");
            NameBrokerStatus status = Rendezvous.Find(name, ClientSlot, FindTimeout);
            if (!checks.True("client_found_server", status == NameBrokerStatus.Ok, NameBroker.Describe(status)))
            {
                return checks.Verdict();
            }
            int failures = ComplementCalls.Make(ClientSlot, RequestLabel, calls, out int mismatches, out long firstFailure);
            IpcResult stop = Ipc.Call(ClientSlot, Tags.Of(StopLabel, 0));
            Output.Line("pair client: calls=" + calls.ToString() + " mismatches=" + mismatches.ToString() + " failures=" + failures.ToString());
            checks.True("client_calls_answered", failures == 0, failures.ToString() + " calls failed, the first with " + Output.Error(firstFailure));
            checks.True("client_answers_intact", mismatches == 0, mismatches.ToString() + " answers differed");
            checks.True("client_stopped_server", stop.IsMessage, "the stop request failed with " + Output.Error(stop.Value));
            Capabilities.Delete(ClientSlot);
            return checks.Verdict();
        }

        /// <summary>Checks request i against the pattern, answers it complemented; counts requests and bad ones.</summary>
        private struct PairHandler : IMessageHandler
        {
            public int Requests;
            public int Bad;

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                reply = Tags.Of(request.Label + 1, request.UntypedCount);
                if (request.Label == StopLabel)
                {
                    return ServerAction.ReplyAndStop;
                }
                int call = Requests++;
                Message message = Message.Current;
                bool good = request.Label == RequestLabel && request.UntypedCount == ComplementCalls.SizeOf(call);
                for (int word = 0; word < request.UntypedCount; word++)
                {
                    ulong value = message.Word(word);
                    good &= value == ComplementCalls.Pattern(call, word);
                    message.SetWord(word, ~value);
                }
                Bad += good ? 0 : 1;
                return ServerAction.Reply;
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }
    }
}
