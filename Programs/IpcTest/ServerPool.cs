using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "pool [N]": three server threads of this task receive on one port; four client tasks (the caller peer, each with a
    /// send capability of its own badge) make N calls each (default 2000) and check every answer themselves (word + 1).
    /// Every request must be answered exactly once: each client exits 0, and the servers' counts per badge are N. Prints
    /// "ipctest pool: server S served=K" per thread and "ipctest pool: requests=R answered=A".
    /// </summary>
    internal static unsafe class ServerPool
    {
        private const int ServerCount = 3;
        private const int ClientCount = 4;
        private const int DefaultCalls = 2000;
        private const uint StopLabel = 0xFFFF;
        private const ulong ClientBound = 120_000_000_000;

        private static uint s_port;
        // Written by each server thread when it stops: [server, badge] counts (badge 0 counts the stop request).
        // Set by each server thread, in its own element, once its counts are written.
        private static readonly int[] s_stopped = new int[ServerCount];
        private static readonly long[] s_counts = new long[ServerCount * (ClientCount + 1)];

        public static int Run(string[] arguments)
        {
            int calls = Output.Number(arguments, 2, DefaultCalls);
            Checks checks = new Checks("pool");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("create_port", port))
            {
                return checks.Verdict();
            }
            s_port = (uint)port;
            for (int server = 0; server < ServerCount; server++)
            {
                delegate*<ulong, ulong, void> entry = &ServerThread;
                checks.Succeeded("start_server_" + server.ToString(), LocalThreads.Start(entry, (ulong)server));
            }

            PeerTask* clients = stackalloc PeerTask[ClientCount];
            for (int client = 0; client < ClientCount; client++)
            {
                long badged = Capabilities.Mint(s_port, 0, CapabilityRights.Send | CapabilityRights.Grant, (ulong)(client + 1));
                checks.Succeeded("mint_client_" + client.ToString(), badged);
                SystemCallError error = PeerTask.StartWithPort(PeerProgram.Caller, (uint)badged, CapabilityRights.Send, 32, (ulong)calls, out clients[client]);
                checks.Error("start_client_" + client.ToString(), (long)error, SystemCallError.None);
                Capabilities.Delete((uint)badged);
            }
            for (int client = 0; client < ClientCount; client++)
            {
                if (clients[client].TaskId == 0)
                {
                    continue;
                }
                long code = clients[client].Wait(ClientBound, out TaskEndReason reason);
                checks.True("client_" + client.ToString() + "_all_answers_right", reason == TaskEndReason.Exited && code == 0,
                    code == 1 ? "a wrong answer" : "ended with " + Output.Error(code) + " reason " + ((int)reason).ToString());
                clients[client].End();
            }

            // One stop request per server: a server that stops no longer receives, so each reaches a different thread.
            for (int server = 0; server < ServerCount; server++)
            {
                checks.True("stop_server_" + server.ToString(), Ipc.Call(s_port, Tags.Of(StopLabel, 0), 10_000_000_000).IsMessage, "no server took the stop request");
            }
            int stopped = 0;
            for (int wait = 0; wait < 1000 && stopped < ServerCount; wait++)
            {
                Kernel.Sleep(1_000_000);
                stopped = s_stopped[0] + s_stopped[1] + s_stopped[2];
            }
            checks.True("servers_stopped", stopped == ServerCount, stopped.ToString() + " server threads stopped");

            long answered = 0;
            for (int server = 0; server < ServerCount; server++)
            {
                long served = 0;
                for (int badge = 1; badge <= ClientCount; badge++)
                {
                    served += s_counts[server * (ClientCount + 1) + badge];
                }
                answered += served;
                Output.Line("pool: server " + server.ToString() + " served=" + served.ToString());
            }
            for (int badge = 1; badge <= ClientCount; badge++)
            {
                long perClient = 0;
                for (int server = 0; server < ServerCount; server++)
                {
                    perClient += s_counts[server * (ClientCount + 1) + badge];
                }
                checks.True("client_" + (badge - 1).ToString() + "_served_once_each", perClient == calls, perClient.ToString() + " requests served, " + calls.ToString() + " made");
            }
            Output.Line("pool: requests=" + (ClientCount * calls).ToString() + " answered=" + answered.ToString());
            checks.True("every_request_answered_once", answered == ClientCount * calls, answered.ToString() + " answered");
            Capabilities.Delete(s_port);
            return checks.Verdict();
        }

        private static void ServerThread(ulong server, ulong utcb)
        {
            CountingHandler handler = default;
            PortEndpoint.Serve(s_port, ref handler);
            for (int badge = 0; badge <= ClientCount; badge++)
            {
                s_counts[(int)server * (ClientCount + 1) + badge] = handler.CountOf(badge);
            }
            s_stopped[(int)server] = 1;
            Kernel.ExitThread(0);
        }

        /// <summary>Answers word 0 + 1 and counts requests per badge (in the struct: each thread has its own).</summary>
        private struct CountingHandler : IMessageHandler
        {
            private long _badge0;
            private long _badge1;
            private long _badge2;
            private long _badge3;
            private long _badge4;

            public long CountOf(int badge) => badge switch
            {
                0 => _badge0,
                1 => _badge1,
                2 => _badge2,
                3 => _badge3,
                _ => _badge4,
            };

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                switch (badge)
                {
                    case 1: _badge1++; break;
                    case 2: _badge2++; break;
                    case 3: _badge3++; break;
                    case 4: _badge4++; break;
                    default: _badge0++; break;
                }
                reply = Tags.Of(0, 1);
                if (request.Label == StopLabel)
                {
                    return ServerAction.ReplyAndStop;
                }
                Message message = Message.Current;
                message.SetWord(0, message.Word(0) + 1);
                return ServerAction.Reply;
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }
    }
}
