using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// "client": the program at the bottom of the chain (<see cref="PagerChain"/>). It writes a pattern into
    /// <see cref="TestPages"/> pages of its test region (each first touch a fault to B), asks its pager (slot 254) to revoke
    /// them, reads them back (each read a fault to B again, which B must see: its count of repeated faults grows by
    /// <see cref="TestPages"/>) and checks every word.
    /// </summary>
    internal static unsafe class PagerChainClient
    {
        public const int TestPages = 16;

        private const ulong WordsPerPage = UserLayout.PageSize / sizeof(ulong);

        public static int Run()
        {
            const string Mode = "chain: client";
            for (ulong page = 0; page < TestPages; page++)
            {
                ulong* words = (ulong*)(Regions.TestRegion + page * UserLayout.PageSize);
                for (ulong word = 0; word < WordsPerPage; word++)
                {
                    words[word] = Pattern(page, word);
                }
            }
            long refaultsBefore = Refaults();
            Message message = Message.Current;
            message.SetWord(0, TestPages);
            for (int page = 0; page < TestPages; page++)
            {
                message.SetWord(1 + page, Regions.TestRegion + (ulong)page * UserLayout.PageSize);
            }
            IpcResult result = Ipc.Call(WellKnownSlots.Pager, Tags.Of(PagerControlProtocol.Revoke, 1 + TestPages));
            if (!result.IsMessage || message.ReceivedLabel != PagerControlProtocol.SuccessLabel)
            {
                Output.Line(Mode + ": revoke request failed: " + Output.Error(result.Value) + ", label " + message.ReceivedLabel.ToString());
                return 1;
            }
            ulong revoked = message.Word(0);
            int wrong = 0;
            for (ulong page = 0; page < TestPages; page++)
            {
                ulong* words = (ulong*)(Regions.TestRegion + page * UserLayout.PageSize);
                for (ulong word = 0; word < WordsPerPage; word++)
                {
                    if (words[word] != Pattern(page, word))
                    {
                        wrong++;
                    }
                }
            }
            long refaults = Refaults() - refaultsBefore;
            Output.Line(Mode + ": " + revoked.ToString() + " of " + TestPages.ToString() + " pages revoked at level A; its pager saw "
                + refaults.ToString() + " faults again; " + wrong.ToString() + " words wrong");
            return revoked == TestPages && refaults == TestPages && wrong == 0 ? 0 : 1;
        }

        private static ulong Pattern(ulong page, ulong word) => 0xC0DE_0000_0000_0000UL | (page << 16) | word;

        // The pager's count of faults at pages it had served before (PagerControlProtocol.Statistics, word 1); -1 if it cannot say.
        private static long Refaults()
        {
            IpcResult result = Ipc.Call(WellKnownSlots.Pager, Tags.Of(PagerControlProtocol.Statistics, 0));
            return result.IsMessage ? (long)Message.Current.Word(1) : -1;
        }
    }
}
