using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "bench [N]": the IPC figures in the `bench` line format (./build.sh bench). Each sample is one operation timed with
    /// the TSC in ring 3; N samples (default 100000) for the short ones, N / 10 for 4 KiB strings. ipc_rtt_0w, _8w and
    /// _64w: one IpcCall and its answer to the echo peer in another task (which answers with IpcReplyWait), with 0, 8 or
    /// 64 untyped words each way; ipc_rtt_4k: the same with a 4 KiB string item each way; ipc_rtt_same_task: 0 words to a
    /// ServerLoop thread of this task; notify_wakeup: half a round trip of signal and wait with the relay peer in another
    /// task (each half is a signal that wakes a waiting thread of the other task).
    /// </summary>
    internal static unsafe class IpcBenchmarks
    {
        private const int DefaultSamples = 100000;
        private const int WarmUp = 1000;
        private const int StringLength = 4096;

        private static uint s_sameTaskPort;

        public static int Run(string[] arguments)
        {
            int samples = Output.Number(arguments, 2, DefaultSamples);
            double nanosecondsPerCycle = 1e9 / Kernel.Information->TimestampFrequencyHz;
            double[] nanoseconds = new double[samples];
            double[] cycles = new double[samples];
            int status = 0;

            long port = Capabilities.CreatePort();
            PeerTask echo = default;
            SystemCallError error = port < 0 ? (SystemCallError)port : PeerTask.StartWithPort(PeerProgram.Echo, (uint)port, CapabilityRights.Receive, 0, 0, out echo);
            if (error != SystemCallError.None)
            {
                Output.Line("bench: cannot start the echo peer: " + Output.Error((long)error));
                return 1;
            }
            status |= RoundTrips("ipc_rtt_0w", (uint)port, 0, samples, nanoseconds, cycles, nanosecondsPerCycle);
            status |= RoundTrips("ipc_rtt_8w", (uint)port, 8, samples, nanoseconds, cycles, nanosecondsPerCycle);
            status |= RoundTrips("ipc_rtt_64w", (uint)port, 64, samples, nanoseconds, cycles, nanosecondsPerCycle);
            status |= StringRoundTrips((uint)port, samples / 10, nanoseconds, cycles, nanosecondsPerCycle);
            echo.End();
            Capabilities.Delete((uint)port);

            status |= SameTask(samples, nanoseconds, cycles, nanosecondsPerCycle);
            status |= NotifyWakeup(samples, nanoseconds, cycles, nanosecondsPerCycle);
            Output.Line("bench: " + (status == 0 ? "done" : "FAILED"));
            return status;
        }

        private static int RoundTrips(string name, uint port, int words, int samples, double[] nanoseconds, double[] cycles, double nanosecondsPerCycle)
        {
            Message message = Message.Current;
            for (int word = 0; word < words; word++)
            {
                message.SetWord(word, (ulong)word * 0x0101010101010101UL);
            }
            MessageTag tag = Tags.Of(0x42, words);
            for (int i = 0; i < WarmUp; i++)
            {
                Ipc.Call(port, tag);
            }
            for (int sample = 0; sample < samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                IpcResult result = Ipc.Call(port, tag);
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                if (!result.IsMessage)
                {
                    Output.Line("bench: " + name + " call failed: " + Output.Error(result.Value));
                    return 1;
                }
                cycles[sample] = elapsed;
                nanoseconds[sample] = elapsed * nanosecondsPerCycle;
            }
            Print(name, nanoseconds, cycles, samples);
            return 0;
        }

        private static int StringRoundTrips(uint port, int samples, double[] nanoseconds, double[] cycles, double nanosecondsPerCycle)
        {
            byte[] sent = new byte[StringLength];
            byte[] received = new byte[StringLength];
            fixed (byte* sentBytes = sent)
            fixed (byte* receivedBytes = received)
            {
                ReceiveDeclarations.SetStringReceiveBuffer((ulong)receivedBytes, StringLength);
                Message message = Message.Current;
                for (int sample = -WarmUp; sample < samples; sample++)
                {
                    // The echo's answer leaves the item naming our buffer: write the request's item again each time.
                    MessageBuilder builder = message.Build(0x43, 0);
                    builder.AddString((ulong)sentBytes, StringLength);
                    builder.TryGetTag(out MessageTag tag);
                    ulong start = SystemCall.ReadTimestampCounter();
                    IpcResult result = Ipc.Call(port, tag);
                    ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                    if (!result.IsMessage)
                    {
                        Output.Line("bench: ipc_rtt_4k call failed: " + Output.Error(result.Value));
                        return 1;
                    }
                    if (sample >= 0)
                    {
                        cycles[sample] = elapsed;
                        nanoseconds[sample] = elapsed * nanosecondsPerCycle;
                    }
                }
                ReceiveDeclarations.ClearStringReceiveBuffers();
            }
            Print("ipc_rtt_4k", nanoseconds, cycles, samples);
            return 0;
        }

        private static int SameTask(int samples, double[] nanoseconds, double[] cycles, double nanosecondsPerCycle)
        {
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                return 1;
            }
            s_sameTaskPort = (uint)port;
            delegate*<ulong, ulong, void> entry = &EchoThread;
            if (LocalThreads.Start(entry, 0) < 0)
            {
                Output.Line("bench: cannot start the same-task server");
                return 1;
            }
            int status = RoundTrips("ipc_rtt_same_task", s_sameTaskPort, 0, samples, nanoseconds, cycles, nanosecondsPerCycle);
            Ipc.Call(s_sameTaskPort, Tags.Of(EchoHandler.StopLabel, 0));
            Capabilities.Delete(s_sameTaskPort);
            return status;
        }

        private static void EchoThread(ulong argument, ulong utcb)
        {
            EchoHandler handler = default;
            PortEndpoint.Serve(s_sameTaskPort, ref handler);
            Kernel.ExitThread(0);
        }

        /// <summary>Answers every request with its own tag and words; StopLabel ends the loop.</summary>
        private struct EchoHandler : IMessageHandler
        {
            public const uint StopLabel = 0xFFFF;

            public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
            {
                reply = request;
                return request.Label == StopLabel ? ServerAction.ReplyAndStop : ServerAction.Reply;
            }

            public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;
        }

        private static int NotifyWakeup(int samples, double[] nanoseconds, double[] cycles, double nanosecondsPerCycle)
        {
            long ping = Capabilities.CreateNotification();
            long pong = Capabilities.CreateNotification();
            PeerTask relay = default;
            SystemCallError error = ping < 0 || pong < 0 ? SystemCallError.OutOfMemory : PeerTask.Create(PeerProgram.Relay, out relay);
            if (error != SystemCallError.None)
            {
                Output.Line("bench: cannot create the relay peer: " + Output.Error((long)error));
                return 1;
            }
            long pingThere = relay.Give((uint)ping, CapabilityRights.Receive);
            long pongThere = relay.Give((uint)pong, CapabilityRights.Send);
            error = pingThere < 0 || pongThere < 0 ? SystemCallError.InvalidSlot : relay.Start((ulong)pingThere | ((ulong)pongThere << 32));
            if (error != SystemCallError.None)
            {
                Output.Line("bench: cannot start the relay peer: " + Output.Error((long)error));
                relay.End();
                return 1;
            }
            for (int sample = -WarmUp; sample < samples; sample++)
            {
                ulong start = SystemCall.ReadTimestampCounter();
                NotificationCalls.Signal((uint)ping, 1);
                IpcResult result = NotificationCalls.Wait((uint)pong, IpcTimeout.Infinite, out _);
                ulong elapsed = SystemCall.ReadTimestampCounter() - start;
                if (!result.IsNotification)
                {
                    Output.Line("bench: notify_wakeup wait failed: " + Output.Error(result.Value));
                    relay.End();
                    return 1;
                }
                if (sample >= 0)
                {
                    cycles[sample] = elapsed / 2.0;
                    nanoseconds[sample] = cycles[sample] * nanosecondsPerCycle;
                }
            }
            relay.End();
            Capabilities.Delete((uint)ping);
            Capabilities.Delete((uint)pong);
            Print("notify_wakeup", nanoseconds, cycles, samples);
            return 0;
        }

        private static void Print(string name, double[] nanoseconds, double[] cycles, int samples)
        {
            BenchmarkSummary time = BenchmarkStatistics.Summarize(nanoseconds, samples);
            BenchmarkSummary cycleSummary = BenchmarkStatistics.Summarize(cycles, samples);
            Kernel.DebugWrite(BenchmarkStatistics.FormatLine(name, in time, "ns", cycleSummary.Median) + "\n");
        }
    }
}
