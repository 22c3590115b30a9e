using Cosmos.Api.Ipc;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// Calls to a server that answers label L with label L + 1 and every word complemented: call i carries i mod 65 words
    /// of <see cref="Pattern"/>, and each answer is checked word by word. Shared by the same-task calls of "calls" and the
    /// client of "server"/"client".
    /// </summary>
    internal static class ComplementCalls
    {
        /// <summary>Word k of call i: differs in every bit position across calls and words (a server checks requests against it too).</summary>
        public static ulong Pattern(int call, int word) =>
            ((ulong)call * 0x9E3779B97F4A7C15UL) ^ ((ulong)(word + 1) * 0xBF58476D1CE4E5B9UL) ^ ((ulong)word << 56);

        /// <summary>The number of words call <paramref name="call"/> carries: 0 to 64 in turn.</summary>
        public static int SizeOf(int call) => call % (MessageLimits.MessageRegisterCount + 1);

        /// <summary>Makes <paramref name="calls"/> calls through <paramref name="slot"/> with <paramref name="label"/>; returns how many failed (the first failure's result in <paramref name="firstFailure"/>) and counts the answers that differed.</summary>
        public static int Make(uint slot, uint label, int calls, out int mismatches, out long firstFailure)
        {
            Message message = Message.Current;
            int failures = 0;
            mismatches = 0;
            firstFailure = 0;
            for (int call = 0; call < calls; call++)
            {
                int size = SizeOf(call);
                for (int word = 0; word < size; word++)
                {
                    message.SetWord(word, Pattern(call, word));
                }
                IpcResult result = Ipc.Call(slot, Tags.Of(label, size));
                if (!result.IsMessage)
                {
                    failures++;
                    firstFailure = firstFailure == 0 ? result.Value : firstFailure;
                    continue;
                }
                bool same = message.ReceivedTag.UntypedCount == size && message.ReceivedLabel == label + 1;
                for (int word = 0; word < size && same; word++)
                {
                    same = message.Word(word) == ~Pattern(call, word);
                }
                mismatches += same ? 0 : 1;
            }
            return failures;
        }
    }
}
