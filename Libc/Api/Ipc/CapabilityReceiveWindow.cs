namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Where a receiver accepts capabilities: the slots [FirstSlot, FirstSlot + SlotCount) of its capability table; the
    /// n-th capability transfer item of a message goes to the n-th slot. One word: bits 0-31 the first slot, bits
    /// 32-63 the slot count (0: the receiver accepts none). The window must end at or below slot 2^32.
    /// </summary>
    public readonly struct CapabilityReceiveWindow
    {
        public const int SlotCountShift = 32;

        private readonly uint _firstSlot;
        private readonly uint _slotCount;

        private CapabilityReceiveWindow(uint firstSlot, uint slotCount)
        {
            _firstSlot = firstSlot;
            _slotCount = slotCount;
        }

        public uint FirstSlot => _firstSlot;

        public uint SlotCount => _slotCount;

        public ulong Word => ((ulong)_slotCount << SlotCountShift) | _firstSlot;

        /// <summary>Builds a window; returns CapabilityWindowOutOfRange if it passes slot 2^32, and leaves it zero then.</summary>
        public static MessageError TryCreate(uint firstSlot, uint slotCount, out CapabilityReceiveWindow window)
        {
            window = default;
            if ((ulong)firstSlot + slotCount > 1UL << 32)
            {
                return MessageError.CapabilityWindowOutOfRange;
            }
            window = new CapabilityReceiveWindow(firstSlot, slotCount);
            return MessageError.None;
        }

        /// <summary>Reads a window word; returns the first rule it breaks, and leaves it zero then.</summary>
        public static MessageError TryDecode(ulong word, out CapabilityReceiveWindow window) =>
            TryCreate((uint)word, (uint)(word >> SlotCountShift), out window);
    }
}
