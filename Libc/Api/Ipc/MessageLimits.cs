namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The fixed sizes of an IPC message, shared by the kernel and programs. A message is a tag word
    /// (<see cref="MessageTag"/>) plus up to <see cref="MessageRegisterCount"/> words in the sender's UTCB message
    /// registers: first the untyped words, then the typed items, <see cref="TypedItemWordCount"/> words each.
    /// </summary>
    public static class MessageLimits
    {
        /// <summary>Message registers in a UTCB: untyped plus typed words fit in these.</summary>
        public const int MessageRegisterCount = Utcb.MessageRegisterCount;

        /// <summary>Every typed item is two words (kind and parameters, then an address or slot).</summary>
        public const int TypedItemWordCount = 2;

        /// <summary>The most typed items a tag can declare: all 64 registers filled with items.</summary>
        public const int MaximumTypedItemCount = MessageRegisterCount / TypedItemWordCount;

        /// <summary>
        /// Message words the IPC fast path carries in CPU registers instead of the UTCB. The system-call ABI
        /// (docs/ARCHITECTURE.md, section 4) passes arguments in rdi, rsi, rdx, r10, r8, r9; the IPC calls keep rdi
        /// for the destination, rsi for the tag and rdx for their second operand, and carry message registers 0-3 in
        /// r10, r8, r9 and r15 (r15 is saved in the SystemCallFrame like every other register). Words from 4 on are
        /// always read from the UTCB.
        /// </summary>
        public const int FastPathWordCount = 4;

        /// <summary>
        /// The longest string item and string receive buffer: 64 KiB. The kernel copies a string with interrupts
        /// disabled, so the limit bounds the time one IPC can hold the CPU.
        /// </summary>
        public const uint MaximumStringLength = 64 * 1024;

        /// <summary>
        /// End (exclusive) of the user half of an address space (the lower canonical half, 2^47). Every address in a
        /// message item lies below it; whether it is mapped is checked when the kernel copies or maps.
        /// </summary>
        public const ulong UserAddressLimit = 1UL << 47;
    }
}
