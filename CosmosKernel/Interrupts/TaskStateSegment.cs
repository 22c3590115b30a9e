namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The 64-bit task-state segment: on x86-64 it only names stacks. RSP0 is the stack the CPU switches to
    /// when an interrupt arrives in ring 3; IST1 is a separate known-good stack for double faults, so a
    /// kernel stack overflow still produces a report. The hardware layout has 8-byte fields at 4-byte
    /// offsets, hence byte storage with explicit offsets instead of a C# struct. The storage is defined in
    /// trap_entry.asm, because system_call_entry.asm reads rsp0 from it.
    /// </summary>
    internal static unsafe class TaskStateSegment
    {
        public const int Size = 104;
        private const int Rsp0Offset = 4;
        private const int InterruptStackTable1Offset = 36;
        private const int IoMapBaseOffset = 102;

        /// <summary>The IST slot (1-7) used by the double-fault gate.</summary>
        public const byte DoubleFaultStackIndex = 1;

        private static byte* s_bytes;

        /// <summary>Fills the segment at <paramref name="storage"/>. Both stack tops must be 16-byte aligned.</summary>
        public static void Initialize(ulong storage, ulong privilegeStackTop, ulong doubleFaultStackTop)
        {
            s_bytes = (byte*)storage;
            {
                byte* bytes = s_bytes;
                for (int i = 0; i < Size; i++)
                {
                    bytes[i] = 0;
                }
                *(ulong*)(bytes + Rsp0Offset) = privilegeStackTop;
                *(ulong*)(bytes + InterruptStackTable1Offset + (DoubleFaultStackIndex - 1) * 8) = doubleFaultStackTop;
                // An I/O permission map offset at or past the limit means "no map": ring 3 gets no ports.
                *(ushort*)(bytes + IoMapBaseOffset) = Size;
            }
        }

        /// <summary>Sets the stack used on entry from ring 3, by interrupts and by `syscall` (the running thread's).</summary>
        public static void SetPrivilegeStack(ulong top)
        {
            *(ulong*)(s_bytes + Rsp0Offset) = top;
        }

        /// <summary>The segment's virtual address (for its GDT descriptor).</summary>
        public static ulong Address => (ulong)s_bytes;
    }
}
