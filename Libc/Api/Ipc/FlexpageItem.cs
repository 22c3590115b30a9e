namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// A typed item that maps or grants a flexpage of the sender's address space into the receiver's memory window
    /// (the next issue implements the mapping; this is its format). First word: bits 0-3 kind
    /// (<see cref="TypedItemKind.Map"/> or <see cref="TypedItemKind.Grant"/>), bits 4-11 reserved, bits 12-63 the hot
    /// spot (page aligned, below <see cref="MessageLimits.UserAddressLimit"/>): when the flexpage and the receiver's
    /// window differ in size, the hot spot chooses which aligned part of the larger one is used, as in L4.
    /// Second word: the <see cref="Flexpage"/>, which must give at least one right.
    /// </summary>
    public readonly struct FlexpageItem
    {
        public const ulong HotSpotMask = ~0xFFFUL;

        /// <summary>Bits 4-11 of the first word: must be zero.</summary>
        public const ulong FirstWordReservedMask = 0xFF0;

        private readonly ulong _hotSpot;
        private readonly Flexpage _flexpage;
        private readonly bool _grant;

        private FlexpageItem(ulong hotSpot, Flexpage flexpage, bool grant)
        {
            _hotSpot = hotSpot;
            _flexpage = flexpage;
            _grant = grant;
        }

        /// <summary>True: the pages leave the sender (grant); false: the sender keeps them (map).</summary>
        public bool Grant => _grant;

        public ulong HotSpot => _hotSpot;

        public Flexpage Flexpage => _flexpage;

        public ulong FirstWord => _hotSpot | (ulong)(_grant ? TypedItemKind.Grant : TypedItemKind.Map);

        public ulong SecondWord => _flexpage.Word;

        /// <summary>Builds an item from its fields; returns the first rule they break, and leaves the item zero then.</summary>
        public static MessageError TryCreate(Flexpage flexpage, ulong hotSpot, bool grant, out FlexpageItem item)
        {
            item = default;
            MessageError error = Check(flexpage, hotSpot);
            if (error != MessageError.None)
            {
                return error;
            }
            item = new FlexpageItem(hotSpot, flexpage, grant);
            return MessageError.None;
        }

        /// <summary>Reads an item's two words; returns the first rule they break, and leaves the item zero then.</summary>
        public static MessageError TryDecode(ulong firstWord, ulong secondWord, out FlexpageItem item)
        {
            item = default;
            TypedItemKind kind = TypedItem.KindOf(firstWord);
            if (kind != TypedItemKind.Map && kind != TypedItemKind.Grant)
            {
                return MessageError.UnknownItemKind;
            }
            if ((firstWord & FirstWordReservedMask) != 0)
            {
                return MessageError.ReservedItemBitsSet;
            }
            MessageError error = Flexpage.TryDecode(secondWord, out Flexpage flexpage);
            if (error != MessageError.None)
            {
                return error;
            }
            ulong hotSpot = firstWord & HotSpotMask;
            error = Check(flexpage, hotSpot);
            if (error != MessageError.None)
            {
                return error;
            }
            item = new FlexpageItem(hotSpot, flexpage, kind == TypedItemKind.Grant);
            return MessageError.None;
        }

        private static MessageError Check(Flexpage flexpage, ulong hotSpot)
        {
            if ((hotSpot & ~HotSpotMask) != 0 || hotSpot >= MessageLimits.UserAddressLimit)
            {
                return MessageError.HotSpotOutOfRange;
            }
            if (flexpage.Rights == FlexpageRights.None)
            {
                return MessageError.FlexpageNoRights;
            }
            return MessageError.None;
        }
    }
}
