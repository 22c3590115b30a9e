using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Checks a whole message before the kernel acts on any of it ("decode, then invoke"): the tag, that untyped plus
    /// typed words fit in the message registers, and every typed item's descriptor. Allocation-free; it reads the
    /// registers through a span (over <see cref="Utcb.MessageRegisters"/> in the kernel) and never writes them.
    /// </summary>
    public static class MessageLayout
    {
        /// <summary>Decodes the tag word, then checks the items; returns the first error with its position.</summary>
        public static MessageCheck Validate(ulong tagWord, ReadOnlySpan<ulong> registers)
        {
            MessageError error = MessageTag.TryDecode(tagWord, out MessageTag tag);
            if (error != MessageError.None)
            {
                return Failure(error, MessageCheck.NoIndex, default);
            }
            return Validate(tag, registers);
        }

        /// <summary>
        /// Checks the typed items of a decoded tag, which follow its untyped words in <paramref name="registers"/>;
        /// MessageTooLong if the span is shorter than the tag says. Returns the first malformed item and its register.
        /// </summary>
        public static MessageCheck Validate(MessageTag tag, ReadOnlySpan<ulong> registers)
        {
            if (tag.RegisterCount > registers.Length)
            {
                return Failure(MessageError.MessageTooLong, MessageCheck.NoIndex, tag);
            }
            int capabilityCount = 0;
            int memoryCount = 0;
            int stringCount = 0;
            for (int item = 0; item < tag.TypedCount; item++)
            {
                int register = tag.UntypedCount + item * MessageLimits.TypedItemWordCount;
                ulong firstWord = registers[register];
                MessageError error = TypedItem.Validate(firstWord, registers[register + 1]);
                if (error != MessageError.None)
                {
                    return Failure(error, item, tag);
                }
                switch (TypedItem.KindOf(firstWord))
                {
                    case TypedItemKind.CapabilityTransfer:
                        capabilityCount++;
                        break;
                    case TypedItemKind.String:
                        stringCount++;
                        break;
                    default:
                        memoryCount++;
                        break;
                }
            }
            return new MessageCheck(MessageError.None, MessageCheck.NoIndex, MessageCheck.NoIndex, tag, capabilityCount, memoryCount, stringCount);
        }

        private static MessageCheck Failure(MessageError error, int item, MessageTag tag)
        {
            int register = item == MessageCheck.NoIndex ? MessageCheck.NoIndex : tag.UntypedCount + item * MessageLimits.TypedItemWordCount;
            return new MessageCheck(error, item, register, tag, 0, 0, 0);
        }
    }
}
