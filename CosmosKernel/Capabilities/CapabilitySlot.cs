namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// The index of a slot in a task's capability table: the small integer user code names a capability by.
    /// Slot 0 is the null slot, never valid, so a zeroed field in a user message names nothing.
    /// Pure logic: compiled into the host tests too.
    /// </summary>
    public readonly struct CapabilitySlot
    {
        public readonly uint Value;

        public CapabilitySlot(uint value)
        {
            Value = value;
        }

        /// <summary>The reserved null slot.</summary>
        public static CapabilitySlot Null => default;

        public bool IsNull => Value == 0;

        public static bool operator ==(CapabilitySlot left, CapabilitySlot right) => left.Value == right.Value;

        public static bool operator !=(CapabilitySlot left, CapabilitySlot right) => left.Value != right.Value;

        public override bool Equals(object obj) => obj is CapabilitySlot other && other.Value == Value;

        public override int GetHashCode() => (int)Value;

        public override string ToString() => Value.ToString();
    }
}
