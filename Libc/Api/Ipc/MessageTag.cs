namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The first word of every IPC message: a label the protocol defines, how many untyped words and typed items
    /// follow in the message registers, and flags. Layout (bit 0 is the least significant):
    /// bits 0-6 untyped word count (0-64), bits 7-12 typed item count (0-32), bit 13 Error, bit 14 Propagated,
    /// bits 15-31 reserved (zero), bits 32-63 label. A value of this type is always well formed: it is only made by
    /// <see cref="TryCreate"/> or <see cref="TryDecode"/>, which refuse a word that breaks a rule.
    /// </summary>
    public readonly struct MessageTag
    {
        public const int UntypedCountShift = 0;
        public const ulong UntypedCountMask = 0x7F;
        public const int TypedCountShift = 7;
        public const ulong TypedCountMask = 0x3F;
        public const int FlagsShift = 13;
        public const ulong FlagsMask = 0x3;
        public const int LabelShift = 32;

        /// <summary>Bits 15-31: must be zero.</summary>
        public const ulong ReservedMask = 0x00000000FFFF8000;

        private readonly ulong _word;

        private MessageTag(ulong word)
        {
            _word = word;
        }

        /// <summary>The tag as it travels in rsi and in the kernel's copy.</summary>
        public ulong Word => _word;

        /// <summary>The protocol's label (the IPC calls pass it through unchanged).</summary>
        public uint Label => (uint)(_word >> LabelShift);

        /// <summary>Untyped words in message registers 0 to UntypedCount - 1.</summary>
        public int UntypedCount => (int)((_word >> UntypedCountShift) & UntypedCountMask);

        /// <summary>Typed items following the untyped words, <see cref="MessageLimits.TypedItemWordCount"/> registers each.</summary>
        public int TypedCount => (int)((_word >> TypedCountShift) & TypedCountMask);

        public MessageTagFlags Flags => (MessageTagFlags)((_word >> FlagsShift) & FlagsMask);

        /// <summary>Message registers the message occupies: untyped words plus typed item words (at most 64).</summary>
        public int RegisterCount => UntypedCount + TypedCount * MessageLimits.TypedItemWordCount;

        /// <summary>Builds a tag from its fields; returns the first rule the fields break, and leaves the tag zero then.</summary>
        public static MessageError TryCreate(uint label, int untypedCount, int typedCount, MessageTagFlags flags, out MessageTag tag)
        {
            tag = default;
            if ((flags & ~MessageTagFlags.All) != 0)
            {
                return MessageError.ReservedTagBitsSet;
            }
            MessageError error = CheckCounts(untypedCount, typedCount);
            if (error != MessageError.None)
            {
                return error;
            }
            tag = new MessageTag(
                ((ulong)label << LabelShift)
                | ((ulong)flags << FlagsShift)
                | ((ulong)typedCount << TypedCountShift)
                | ((ulong)untypedCount << UntypedCountShift));
            return MessageError.None;
        }

        /// <summary>Reads a tag word a thread supplied; returns the first rule it breaks, and leaves the tag zero then.</summary>
        public static MessageError TryDecode(ulong word, out MessageTag tag)
        {
            tag = default;
            if ((word & ReservedMask) != 0)
            {
                return MessageError.ReservedTagBitsSet;
            }
            int untypedCount = (int)((word >> UntypedCountShift) & UntypedCountMask);
            int typedCount = (int)((word >> TypedCountShift) & TypedCountMask);
            MessageError error = CheckCounts(untypedCount, typedCount);
            if (error != MessageError.None)
            {
                return error;
            }
            tag = new MessageTag(word);
            return MessageError.None;
        }

        private static MessageError CheckCounts(int untypedCount, int typedCount)
        {
            if (untypedCount < 0 || untypedCount > MessageLimits.MessageRegisterCount)
            {
                return MessageError.UntypedCountOutOfRange;
            }
            if (typedCount < 0 || typedCount > MessageLimits.MaximumTypedItemCount)
            {
                return MessageError.TypedCountOutOfRange;
            }
            if (untypedCount + typedCount * MessageLimits.TypedItemWordCount > MessageLimits.MessageRegisterCount)
            {
                return MessageError.MessageTooLong;
            }
            return MessageError.None;
        }
    }
}
