using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;

namespace Servers.Tests
{
    /// <summary>Sends requests to one of sigma0's ports as a client would (a tag and words in message registers) and keeps the answer.</summary>
    internal sealed class Sigma0Requester
    {
        private readonly ISigma0Requests _requests;

        public Sigma0Requester(ISigma0Requests requests)
        {
            _requests = requests;
        }

        public ulong[] Registers { get; } = new ulong[MessageLimits.MessageRegisterCount];

        public MessageTag Reply { get; private set; }

        public PendingMapping Pending { get; private set; }

        /// <summary>Sends <paramref name="label"/> with <paramref name="words"/> (and <paramref name="typedCount"/> item slots left zero) from <paramref name="badge"/>; returns the reply's label.</summary>
        public uint Send(uint label, ulong badge, ulong[] words, int typedCount = 0)
        {
            System.Array.Clear(Registers);
            words.CopyTo(Registers, 0);
            Assert.Equal(MessageError.None, MessageTag.TryCreate(label, words.Length, typedCount, MessageTagFlags.None, out MessageTag tag));
            Reply = _requests.Handle(tag, badge, Registers, out PendingMapping pending);
            Pending = pending;
            return Reply.Label;
        }

        public Sigma0Status Request(uint label, ulong badge, params ulong[] words) => (Sigma0Status)Send(label, badge, words);

        /// <summary>The map item of the last reply, after <paramref name="untypedCount"/> words.</summary>
        public FlexpageItem MapItem(int untypedCount)
        {
            Assert.Equal(untypedCount, Reply.UntypedCount);
            Assert.Equal(1, Reply.TypedCount);
            Assert.Equal(MessageError.None, FlexpageItem.TryDecode(Registers[untypedCount], Registers[untypedCount + 1], out FlexpageItem item));
            return item;
        }
    }
}
