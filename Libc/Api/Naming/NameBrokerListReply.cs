using Cosmos.Api.Ipc;

namespace Cosmos.Api.Naming
{
    /// <summary>
    /// The layout of the name broker's reply to <see cref="NameBrokerLabel.List"/>: word 0 the next cursor (0: the
    /// listing is complete), word 1 the count n of names in this reply (0 to <see cref="MaximumNames"/>), then n names
    /// of <see cref="BrokerName.WordCount"/> words each, so a reply fills at most 62 of the 64 message registers.
    /// </summary>
    public static class NameBrokerListReply
    {
        public const int NextCursorWord = 0;
        public const int CountWord = 1;
        public const int FirstNameWord = 2;

        /// <summary>Names in one reply: as many as fit after the two header words.</summary>
        public const int MaximumNames = (MessageLimits.MessageRegisterCount - FirstNameWord) / BrokerName.WordCount;

        /// <summary>The untyped word count of a reply with <paramref name="names"/> names.</summary>
        public static int WordCountFor(int names) => FirstNameWord + names * BrokerName.WordCount;
    }
}
