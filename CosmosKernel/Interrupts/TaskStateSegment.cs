namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The 64-bit task-state segment: on x86-64 it names stacks and holds the I/O permission bitmap. RSP0 is the
    /// stack the CPU switches to when an interrupt arrives in ring 3; IST1 is a separate known-good stack for double
    /// faults, so a kernel stack overflow still produces a report. The bitmap follows the 104-byte header: one bit per
    /// port (65536 ports, 8 KiB), a set bit denies `in`/`out` on that port in ring 3 (IOPL stays 0), plus one closing
    /// byte of all ones, because the CPU reads two bytes for an access that may straddle a byte boundary. The
    /// segment's limit covers all of it. Every bit starts set; Interrupts/IoPortPermissions.cs clears the running
    /// task's ranges. The hardware layout has 8-byte fields at 4-byte offsets, hence byte storage with explicit
    /// offsets instead of a C# struct. The storage is defined in trap_entry.asm (task_state_segment, exactly
    /// <see cref="Size"/> bytes), because system_call_entry.asm reads rsp0 from it.
    /// </summary>
    internal static unsafe class TaskStateSegment
    {
        private const int HeaderSize = 104;
        private const int Rsp0Offset = 4;
        private const int InterruptStackTable1Offset = 36;
        private const int IoMapBaseOffset = 102;

        /// <summary>The I/O permission bitmap's size: one bit for each of the 65536 ports.</summary>
        public const int IoPermissionBitmapBytes = 65536 / 8;

        /// <summary>The whole segment: header, bitmap and the closing all-ones byte (the GDT descriptor's limit is Size - 1).</summary>
        public const int Size = HeaderSize + IoPermissionBitmapBytes + 1;

        /// <summary>The IST slot (1-7) used by the double-fault gate.</summary>
        public const byte DoubleFaultStackIndex = 1;

        private static byte* s_bytes;

        /// <summary>Fills the segment at <paramref name="storage"/> with every port denied. Both stack tops must be 16-byte aligned.</summary>
        public static void Initialize(ulong storage, ulong privilegeStackTop, ulong doubleFaultStackTop)
        {
            s_bytes = (byte*)storage;
            {
                byte* bytes = s_bytes;
                for (int i = 0; i < HeaderSize; i++)
                {
                    bytes[i] = 0;
                }
                for (int i = HeaderSize; i < Size; i++)
                {
                    bytes[i] = 0xFF;
                }
                *(ulong*)(bytes + Rsp0Offset) = privilegeStackTop;
                *(ulong*)(bytes + InterruptStackTable1Offset + (DoubleFaultStackIndex - 1) * 8) = doubleFaultStackTop;
                *(ushort*)(bytes + IoMapBaseOffset) = HeaderSize;
            }
        }

        /// <summary>Sets the stack used on entry from ring 3, by interrupts and by `syscall` (the running thread's).</summary>
        public static void SetPrivilegeStack(ulong top)
        {
            *(ulong*)(s_bytes + Rsp0Offset) = top;
        }

        /// <summary>The I/O permission bitmap (<see cref="IoPermissionBitmapBytes"/> bytes; bit n of byte p / 8 is port p, set = denied).</summary>
        public static byte* IoPermissionBitmap => s_bytes + HeaderSize;

        /// <summary>The segment's virtual address (for its GDT descriptor).</summary>
        public static ulong Address => (ulong)s_bytes;
    }
}
