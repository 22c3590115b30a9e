using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// "timeouts": a poll with no partner returns TimedOut at once (the fastest of 10 within 2 ms); a finite timeout returns TimedOut after about that long
    /// ("ipctest timeouts: finite_ms=20.4 asked_ms=20"); an infinite wait returns when the partner comes (a second thread
    /// that sends after 30 ms).
    /// </summary>
    internal static class Timeouts
    {
        private const ulong Millisecond = 1_000_000;
        private const ulong FiniteTimeout = 20 * Millisecond;
        private const ulong PartnerDelay = 30 * Millisecond;
        private const uint PartnerLabel = 0x7100;
        private const ulong PartnerWord = 0x1234_5678_9ABC_DEF0;

        // Generous bounds: TCG on a loaded host runs late, but never early.
        private const ulong PollBound = 2 * Millisecond;
        private const int PollTries = 10;
        private const ulong FiniteLateBound = 80 * Millisecond;

        private static uint s_port;

        public static unsafe int Run()
        {
            Checks checks = new Checks("timeouts");
            long port = Capabilities.CreatePort();
            if (!checks.Succeeded("create_port", port))
            {
                return checks.Verdict();
            }
            s_port = (uint)port;

            // The fastest of several polls: the first run of any code under TCG also pays for translating it.
            IpcResult result = default;
            ulong pollTime = ulong.MaxValue;
            for (int i = 0; i < PollTries; i++)
            {
                ulong pollStart = Kernel.Uptime();
                result = Ipc.Receive(s_port, IpcTimeout.Poll);
                ulong elapsed = Kernel.Uptime() - pollStart;
                pollTime = elapsed < pollTime ? elapsed : pollTime;
            }
            checks.Error("receive_poll", result.Value, SystemCallError.TimedOut);
            checks.True("receive_poll_at_once", pollTime < PollBound, "took " + Milliseconds(pollTime) + " ms");
            pollTime = ulong.MaxValue;
            for (int i = 0; i < PollTries; i++)
            {
                ulong pollStart = Kernel.Uptime();
                result = Ipc.Call(s_port, Tags.Of(1, 0), IpcTimeout.Poll);
                ulong elapsed = Kernel.Uptime() - pollStart;
                pollTime = elapsed < pollTime ? elapsed : pollTime;
            }
            checks.Error("call_poll", result.Value, SystemCallError.TimedOut);
            checks.True("call_poll_at_once", pollTime < PollBound, "took " + Milliseconds(pollTime) + " ms");

            ulong start;
            start = Kernel.Uptime();
            result = Ipc.Receive(s_port, FiniteTimeout);
            ulong finiteTime = Kernel.Uptime() - start;
            Output.Line("timeouts: finite_ms=" + Milliseconds(finiteTime) + " asked_ms=" + Milliseconds(FiniteTimeout));
            checks.Error("receive_finite", result.Value, SystemCallError.TimedOut);
            checks.True("receive_finite_not_early", finiteTime >= FiniteTimeout, "returned after " + Milliseconds(finiteTime) + " ms");
            checks.True("receive_finite_not_late", finiteTime <= FiniteTimeout + FiniteLateBound, "returned after " + Milliseconds(finiteTime) + " ms");
            start = Kernel.Uptime();
            result = Ipc.Send(s_port, Tags.Of(1, 0), FiniteTimeout);
            finiteTime = Kernel.Uptime() - start;
            checks.Error("send_finite", result.Value, SystemCallError.TimedOut);
            checks.True("send_finite_in_bounds", finiteTime >= FiniteTimeout && finiteTime <= FiniteTimeout + FiniteLateBound, "returned after " + Milliseconds(finiteTime) + " ms");

            delegate*<ulong, ulong, void> entry = &LatePartner;
            long thread = LocalThreads.Start(entry, 0);
            if (!checks.Succeeded("start_partner", thread))
            {
                return checks.Verdict();
            }
            start = Kernel.Uptime();
            result = Ipc.Receive(s_port, IpcTimeout.Infinite);
            ulong infiniteTime = Kernel.Uptime() - start;
            Message message = Message.Current;
            checks.True(
                "receive_infinite_gets_the_partner",
                result.IsMessage && message.ReceivedLabel == PartnerLabel && message.ReceivedTag.UntypedCount == 1 && message.Word(0) == PartnerWord,
                "result " + Output.Error(result.Value) + " label " + message.ReceivedLabel.ToString());
            checks.True("receive_infinite_waited", infiniteTime >= PartnerDelay, "returned after " + Milliseconds(infiniteTime) + " ms");
            Capabilities.Delete(s_port);
            return checks.Verdict();
        }

        // Sleeps, then sends one word with no timeout (the main thread is waiting by then).
        private static void LatePartner(ulong argument, ulong utcb)
        {
            Kernel.Sleep(PartnerDelay);
            Message.Current.SetWord(0, PartnerWord);
            Ipc.Send(s_port, Tags.Of(PartnerLabel, 1), IpcTimeout.Infinite);
            Kernel.ExitThread(0);
        }

        private static string Milliseconds(ulong nanoseconds) => (nanoseconds / 1e6).ToString("F1");
    }
}
