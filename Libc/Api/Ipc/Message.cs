using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The running thread's message registers and what its last receiving call delivered, read and written in place in
    /// its UTCB (no copy, no allocation). A message to send is written here (directly with <see cref="SetWord"/>, or with
    /// <see cref="Build"/>) before the call; a received message is read here after it. The view belongs to one thread:
    /// another thread's Current is its own UTCB.
    /// </summary>
    public readonly unsafe struct Message
    {
        private readonly Utcb* _utcb;

        private Message(Utcb* utcb)
        {
            _utcb = utcb;
        }

        /// <summary>The calling thread's message registers (fs:[0] is its UTCB's address).</summary>
        public static Message Current => new Message((Utcb*)SystemCall.ReadThreadPointer());

        /// <summary>The 64 message registers.</summary>
        public ulong* Registers => _utcb->MessageRegisters;

        /// <summary>The message registers as a span, for <see cref="MessageBuilder"/> and bulk copies.</summary>
        public Span<ulong> RegisterSpan => new Span<ulong>(_utcb->MessageRegisters, MessageLimits.MessageRegisterCount);

        /// <summary>Message register <paramref name="index"/> (0-63; not checked: the hot path of every server).</summary>
        public ulong Word(int index) => _utcb->MessageRegisters[index];

        public void SetWord(int index, ulong value) => _utcb->MessageRegisters[index] = value;

        /// <summary>Starts a message of <paramref name="untypedCount"/> untyped words with <paramref name="label"/>; the builder appends typed items after them.</summary>
        public MessageBuilder Build(uint label, int untypedCount) => MessageBuilder.Start(RegisterSpan, label, untypedCount);

        /// <summary>The tag word of the last receiving call (after a sending call or an error: the tag that was passed).</summary>
        public ulong ReceivedTagWord => _utcb->ReceivedTag;

        /// <summary>The last received tag, decoded; a tag the kernel delivered is always well formed (default if not).</summary>
        public MessageTag ReceivedTag
        {
            get
            {
                MessageTag.TryDecode(_utcb->ReceivedTag, out MessageTag tag);
                return tag;
            }
        }

        /// <summary>The label of the last received tag.</summary>
        public uint ReceivedLabel => (uint)(_utcb->ReceivedTag >> MessageTag.LabelShift);

        /// <summary>
        /// rdi after the last call: the badge of the sender's capability (0: unbadged) for a message, the bits for a
        /// notification, the <see cref="MessageError"/> after MalformedMessage.
        /// </summary>
        public ulong ReceivedBadge => _utcb->ReceivedBadge;

        /// <summary>Why the kernel refused the last message (valid after a MalformedMessage error).</summary>
        public MessageError ReceivedMessageError => (MessageError)_utcb->ReceivedBadge;
    }
}
