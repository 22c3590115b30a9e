using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "calls [N]": N calls (default 100000) to a server in another task (the echo peer), with every size of message from
    /// 0 to 64 untyped words in turn and contents that differ per call and per word; each answer is compared word by
    /// word. Then string items of 1 byte to 64 KiB there and back, compared byte by byte. Then N / 5 calls to a server
    /// thread of this task (a ServerLoop handler that answers each word complemented). Prints
    /// "ipctest calls: cross_task=N mismatches=M", "ipctest calls: strings=S mismatches=M" and
    /// "ipctest calls: same_task=N mismatches=M".
    /// </summary>
    internal static unsafe class PayloadCalls
    {
        private const int DefaultCalls = 100000;
        private const int StringRounds = 20;
        private static readonly int[] s_stringLengths = new int[] { 1, 7, 100, 4095, 4096, 4097, 32768, 65535, 65536 };

        private static uint s_port;

        public static int Run(string[] arguments)
        {
            int calls = Output.Number(arguments, 2, DefaultCalls);
            Checks checks = new Checks("calls");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("create_port", port))
            {
                return checks.Verdict();
            }
            SystemCallError error = PeerTask.StartWithPort(PeerProgram.Echo, (uint)port, CapabilityRights.Receive, 0, 0, out PeerTask peer);
            if (checks.Error("echo_peer_started", (long)error, SystemCallError.None))
            {
                CrossTaskWords(checks, (uint)port, calls);
                CrossTaskStrings(checks, (uint)port);
                peer.End();
            }
            Capabilities.Delete((uint)port);
            SameTask(checks, calls / 5);
            return checks.Verdict();
        }

        private static void CrossTaskWords(Checks checks, uint port, int calls)
        {
            Message message = Message.Current;
            int mismatches = 0;
            int failures = 0;
            long firstFailure = 0;
            for (int call = 0; call < calls; call++)
            {
                int size = ComplementCalls.SizeOf(call);
                uint label = (uint)call & 0xFFFFF;
                for (int word = 0; word < size; word++)
                {
                    message.SetWord(word, ComplementCalls.Pattern(call, word));
                }
                MessageTag tag = Tags.Of(label, size);
                IpcResult result = Ipc.Call(port, tag);
                if (!result.IsMessage)
                {
                    failures++;
                    firstFailure = firstFailure == 0 ? result.Value : firstFailure;
                    continue;
                }
                bool same = message.ReceivedTagWord == tag.Word;
                for (int word = 0; word < size && same; word++)
                {
                    same = message.Word(word) == ComplementCalls.Pattern(call, word);
                }
                if (!same)
                {
                    if (mismatches == 0)
                    {
                        Output.Line("calls: first mismatch at call " + call.ToString() + " size " + size.ToString() + " tag " + message.ReceivedTagWord.ToString("X"));
                    }
                    mismatches++;
                }
            }
            Output.Line("calls: cross_task=" + calls.ToString() + " mismatches=" + mismatches.ToString() + " failures=" + failures.ToString());
            checks.True("cross_task_calls_answered", failures == 0, failures.ToString() + " calls failed, the first with " + Output.Error(firstFailure));
            checks.True("cross_task_payloads_intact", mismatches == 0, mismatches.ToString() + " answers differed");
        }

        private static void CrossTaskStrings(Checks checks, uint port)
        {
            byte[] sent = new byte[MessageLimits.MaximumStringLength];
            byte[] received = new byte[MessageLimits.MaximumStringLength];
            int mismatches = 0;
            int failures = 0;
            long firstFailure = 0;
            int strings = 0;
            fixed (byte* sentBytes = sent)
            fixed (byte* receivedBytes = received)
            {
                ReceiveDeclarations.SetStringReceiveBuffer((ulong)receivedBytes, MessageLimits.MaximumStringLength);
                Message message = Message.Current;
                for (int round = 0; round < StringRounds; round++)
                {
                    for (int index = 0; index < s_stringLengths.Length; index++)
                    {
                        int length = s_stringLengths[index];
                        for (int i = 0; i < length; i++)
                        {
                            sentBytes[i] = (byte)(i * 31 + round * 7 + index);
                            receivedBytes[i] = 0;
                        }
                        MessageBuilder builder = message.Build((uint)length, 1);
                        builder.SetWord(0, (ulong)length);
                        builder.AddString((ulong)sentBytes, (ulong)length);
                        builder.TryGetTag(out MessageTag tag);
                        IpcResult result = Ipc.Call(port, tag);
                        strings++;
                        if (!result.IsMessage)
                        {
                            failures++;
                            firstFailure = firstFailure == 0 ? result.Value : firstFailure;
                            continue;
                        }
                        // The delivered item names our buffer and the bytes copied.
                        bool same = message.ReceivedTag.TypedCount == 1 && message.Word(0) == (ulong)length
                            && message.Word(1) >> StringItem.LengthShift == (ulong)length && message.Word(2) == (ulong)receivedBytes;
                        for (int i = 0; i < length && same; i++)
                        {
                            same = receivedBytes[i] == sentBytes[i];
                        }
                        if (!same)
                        {
                            if (mismatches == 0)
                            {
                                Output.Line("calls: first string mismatch at length " + length.ToString() + " item " + message.Word(1).ToString("X") + " " + message.Word(2).ToString("X"));
                            }
                            mismatches++;
                        }
                    }
                }
                ReceiveDeclarations.ClearStringReceiveBuffers();
            }
            Output.Line("calls: strings=" + strings.ToString() + " largest=" + MessageLimits.MaximumStringLength.ToString() + " mismatches=" + mismatches.ToString() + " failures=" + failures.ToString());
            checks.True("strings_answered", failures == 0, failures.ToString() + " string calls failed, the first with " + Output.Error(firstFailure));
            checks.True("strings_intact", mismatches == 0, mismatches.ToString() + " strings differed");
        }

        private static void SameTask(Checks checks, int calls)
        {
            long port = Capabilities.CreatePort();
            s_port = (uint)port;
            delegate*<ulong, ulong, void> entry = &ComplementServerThread;
            if (!checks.Succeeded("start_server_thread", LocalThreads.Start(entry, 0)))
            {
                return;
            }
            int failures = ComplementCalls.Make(s_port, ComplementHandler.ComplementLabel, calls, out int mismatches, out _);
            Ipc.Call(s_port, Tags.Of(ComplementHandler.StopLabel, 0));
            Output.Line("calls: same_task=" + calls.ToString() + " mismatches=" + mismatches.ToString() + " failures=" + failures.ToString());
            checks.True("same_task_calls_answered", failures == 0, failures.ToString() + " calls failed");
            checks.True("same_task_payloads_transformed", mismatches == 0, mismatches.ToString() + " answers differed");
            Capabilities.Delete(s_port);
        }

        private static void ComplementServerThread(ulong argument, ulong utcb)
        {
            ComplementHandler handler = default;
            PortEndpoint.Serve(s_port, ref handler);
            Kernel.ExitThread(0);
        }

        /// <summary>Answers label L with label L + 1 and every word complemented; StopLabel ends the loop.</summary>
        private struct ComplementHandler : IMessageHandler
        {
            public const uint ComplementLabel = 0x600;
            public const uint StopLabel = 0x6FF;

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                reply = Tags.Of(request.Label + 1, request.UntypedCount);
                if (request.Label == StopLabel)
                {
                    return ServerAction.ReplyAndStop;
                }
                Message message = Message.Current;
                for (int word = 0; word < request.UntypedCount; word++)
                {
                    message.SetWord(word, ~message.Word(word));
                }
                return ServerAction.Reply;
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }
    }
}
