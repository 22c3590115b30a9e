namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A typed item that passes a capability from the sender's capability table to the receiver, which places it in
    /// the next free slot of its <see cref="CapabilityReceiveWindow"/>. First word: bits 0-3 kind
    /// (<see cref="TypedItemKind.CapabilityTransfer"/>), bit 4 Move (0: the sender keeps its copy), bits 5-63 reserved.
    /// Second word: bits 0-31 the slot in the sender's table, bits 32-63 reserved.
    /// </summary>
    public readonly struct CapabilityTransferItem
    {
        public const ulong MoveBit = 1UL << 4;
        public const ulong FirstWordReservedMask = ~(TypedItem.KindMask | MoveBit);
        public const ulong SecondWordReservedMask = 0xFFFFFFFF00000000;

        private readonly uint _senderSlot;
        private readonly bool _move;

        private CapabilityTransferItem(uint senderSlot, bool move)
        {
            _senderSlot = senderSlot;
            _move = move;
        }

        /// <summary>Every slot number and both modes are valid, so this cannot fail.</summary>
        public static CapabilityTransferItem Create(uint senderSlot, bool move) => new CapabilityTransferItem(senderSlot, move);

        /// <summary>The slot in the sender's capability table that holds the capability to pass.</summary>
        public uint SenderSlot => _senderSlot;

        /// <summary>True: the capability leaves the sender's slot; false: the receiver gets a copy.</summary>
        public bool Move => _move;

        public ulong FirstWord => (ulong)TypedItemKind.CapabilityTransfer | (_move ? MoveBit : 0);

        public ulong SecondWord => _senderSlot;

        /// <summary>Reads an item's two words; returns the first rule they break, and leaves the item zero then.</summary>
        public static MessageError TryDecode(ulong firstWord, ulong secondWord, out CapabilityTransferItem item)
        {
            item = default;
            if (TypedItem.KindOf(firstWord) != TypedItemKind.CapabilityTransfer)
            {
                return MessageError.UnknownItemKind;
            }
            if ((firstWord & FirstWordReservedMask) != 0 || (secondWord & SecondWordReservedMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            item = new CapabilityTransferItem((uint)secondWord, (firstWord & MoveBit) != 0);
            return MessageError.None;
        }
    }
}
