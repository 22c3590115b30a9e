using System;

namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Writes a message into message registers: a label and a fixed number of untyped words (registers 0 to
    /// untypedCount - 1, which the caller fills with <see cref="SetWord"/>), then typed items appended in order. The
    /// first rule broken is kept in <see cref="Error"/> and every later step is ignored, so a chain of appends needs one
    /// check at the end (<see cref="TryGetTag"/>). Pure logic over a span: no system call, no allocation.
    /// </summary>
    public ref struct MessageBuilder
    {
        private readonly Span<ulong> _registers;
        private readonly uint _label;
        private readonly int _untypedCount;
        private int _typedCount;
        private MessageError _error;

        private MessageBuilder(Span<ulong> registers, uint label, int untypedCount, MessageError error)
        {
            _registers = registers;
            _label = label;
            _untypedCount = untypedCount;
            _typedCount = 0;
            _error = error;
        }

        /// <summary>Starts a message; UntypedCountOutOfRange if the count is negative or above the registers given.</summary>
        public static MessageBuilder Start(Span<ulong> registers, uint label, int untypedCount)
        {
            MessageError error = untypedCount < 0 || untypedCount > registers.Length || untypedCount > MessageLimits.MessageRegisterCount
                ? MessageError.UntypedCountOutOfRange
                : MessageError.None;
            return new MessageBuilder(registers, label, untypedCount, error);
        }

        /// <summary>The first rule broken so far, or None.</summary>
        public MessageError Error => _error;

        public int UntypedCount => _untypedCount;

        public int TypedCount => _typedCount;

        /// <summary>Writes untyped word <paramref name="index"/> (below the untyped count).</summary>
        public void SetWord(int index, ulong value)
        {
            if (_error != MessageError.None)
            {
                return;
            }
            if (index < 0 || index >= _untypedCount)
            {
                _error = MessageError.UntypedCountOutOfRange;
                return;
            }
            _registers[index] = value;
        }

        /// <summary>Appends a capability transfer of the sender's <paramref name="slot"/> (moved out of it when <paramref name="move"/>).</summary>
        public void AddCapability(uint slot, bool move)
        {
            CapabilityTransferItem item = CapabilityTransferItem.Create(slot, move);
            Append(item.FirstWord, item.SecondWord);
        }

        /// <summary>Appends a string item: <paramref name="length"/> bytes at <paramref name="address"/>, copied into the receiver's next string buffer.</summary>
        public void AddString(ulong address, ulong length)
        {
            if (_error != MessageError.None)
            {
                return;
            }
            MessageError error = StringItem.TryCreate(address, length, out StringItem item);
            if (error != MessageError.None)
            {
                _error = error;
                return;
            }
            Append(item.FirstWord, item.SecondWord);
        }

        /// <summary>The tag for the message written so far; the first error if any rule was broken (the tag is zero then).</summary>
        public MessageError TryGetTag(out MessageTag tag)
        {
            if (_error != MessageError.None)
            {
                tag = default;
                return _error;
            }
            return MessageTag.TryCreate(_label, _untypedCount, _typedCount, MessageTagFlags.None, out tag);
        }

        private void Append(ulong firstWord, ulong secondWord)
        {
            if (_error != MessageError.None)
            {
                return;
            }
            int register = _untypedCount + _typedCount * MessageLimits.TypedItemWordCount;
            if (_typedCount == MessageLimits.MaximumTypedItemCount || register + MessageLimits.TypedItemWordCount > _registers.Length
                || register + MessageLimits.TypedItemWordCount > MessageLimits.MessageRegisterCount)
            {
                _error = MessageError.MessageTooLong;
                return;
            }
            _registers[register] = firstWord;
            _registers[register + 1] = secondWord;
            _typedCount++;
        }
    }
}
