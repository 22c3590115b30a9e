namespace CosmosKernel.Tasks
{
    /// <summary>
    /// A task identifier: task-table slot plus the slot's version, laid out like a thread id (bits 0-15 slot,
    /// bits 16-47 version), so a stale task id is detected instead of reaching the slot's next task.
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct TaskId
    {
        public const int SlotBits = 16;
        private const ulong SlotMask = (1UL << SlotBits) - 1;

        public readonly ulong Value;

        public TaskId(ulong value)
        {
            Value = value;
        }

        public static TaskId Create(int slot, uint version) => new TaskId(((ulong)version << SlotBits) | ((ulong)slot & SlotMask));

        /// <summary>"No task"; version 0 is never given to a live task.</summary>
        public static TaskId None => new TaskId(0);

        public int Slot => (int)(Value & SlotMask);

        public uint Version => (uint)(Value >> SlotBits);

        public bool IsNone => Version == 0;

        /// <summary>True when bits above the version are set: such a value was never an id.</summary>
        public bool IsMalformed => (Value >> (SlotBits + 32)) != 0;

        public static uint NextVersion(uint version) => version == uint.MaxValue ? 1 : version + 1;

        public static bool operator ==(TaskId left, TaskId right) => left.Value == right.Value;

        public static bool operator !=(TaskId left, TaskId right) => left.Value != right.Value;

        public override bool Equals(object obj) => obj is TaskId other && other.Value == Value;

        public override int GetHashCode() => (int)(Value ^ (Value >> 32));

        public override string ToString() => Slot.ToString() + "." + Version.ToString();
    }
}
