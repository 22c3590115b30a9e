namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A typed item naming a buffer in the sender's address space that the kernel copies directly into the receiver's
    /// next <see cref="StringReceiveBuffer"/>. First word: bits 0-3 kind (<see cref="TypedItemKind.String"/>), bits
    /// 4-31 reserved, bits 32-63 the length in bytes (at most <see cref="MessageLimits.MaximumStringLength"/>).
    /// Second word: the address. The range must lie in the user half (<see cref="UserBuffer"/>).
    /// </summary>
    public readonly struct StringItem
    {
        public const int LengthShift = 32;

        /// <summary>Bits 4-31 of the first word: must be zero.</summary>
        public const ulong FirstWordReservedMask = 0xFFFFFFF0;

        private readonly ulong _address;
        private readonly uint _length;

        private StringItem(ulong address, uint length)
        {
            _address = address;
            _length = length;
        }

        public ulong Address => _address;

        public uint Length => _length;

        public ulong FirstWord => ((ulong)_length << LengthShift) | (ulong)TypedItemKind.String;

        public ulong SecondWord => _address;

        /// <summary>Builds an item from its fields; returns the first rule they break, and leaves the item zero then.</summary>
        public static MessageError TryCreate(ulong address, ulong length, out StringItem item)
        {
            item = default;
            MessageError error = UserBuffer.Check(address, length);
            if (error != MessageError.None)
            {
                return error;
            }
            item = new StringItem(address, (uint)length);
            return MessageError.None;
        }

        /// <summary>Reads an item's two words; returns the first rule they break, and leaves the item zero then.</summary>
        public static MessageError TryDecode(ulong firstWord, ulong secondWord, out StringItem item)
        {
            item = default;
            if (TypedItem.KindOf(firstWord) != TypedItemKind.String)
            {
                return MessageError.UnknownItemKind;
            }
            if ((firstWord & FirstWordReservedMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            return TryCreate(secondWord, firstWord >> LengthShift, out item);
        }
    }
}
