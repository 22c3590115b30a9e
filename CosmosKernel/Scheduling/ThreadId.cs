namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// A thread identifier: the index of the thread's slot in the thread table plus the slot's version at the
    /// time the thread was created. When a thread dies its slot's version advances, so a stale id held by
    /// another task is detected (it names a version that no longer lives) instead of reaching the slot's
    /// next occupant. Layout of <see cref="Value"/>: bits 0-15 slot index, bits 16-47 version.
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct ThreadId
    {
        public const int SlotBits = 16;
        public const int MaximumSlots = 1 << SlotBits;
        private const ulong SlotMask = MaximumSlots - 1;
        private const ulong VersionMask = 0xFFFFFFFF;

        public readonly ulong Value;

        public ThreadId(ulong value)
        {
            Value = value;
        }

        public static ThreadId Create(int slot, uint version) => new ThreadId(((ulong)version << SlotBits) | ((ulong)slot & SlotMask));

        /// <summary>The "no thread" id; version 0 is never given to a live thread.</summary>
        public static ThreadId None => new ThreadId(0);

        public int Slot => (int)(Value & SlotMask);

        public uint Version => (uint)((Value >> SlotBits) & VersionMask);

        public bool IsNone => Version == 0;

        /// <summary>The next version for a slot whose thread died; skips 0 (reserved for "none").</summary>
        public static uint NextVersion(uint version) => version == uint.MaxValue ? 1 : version + 1;

        public static bool operator ==(ThreadId left, ThreadId right) => left.Value == right.Value;

        public static bool operator !=(ThreadId left, ThreadId right) => left.Value != right.Value;

        public override bool Equals(object obj) => obj is ThreadId other && other.Value == Value;

        public override int GetHashCode() => (int)(Value ^ (Value >> 32));

        public override string ToString() => Slot.ToString() + "." + Version.ToString();
    }
}
