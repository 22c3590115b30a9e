using CosmosKernel.Platform;

namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The kernel's GDT: flat 64-bit code and data segments for ring 0 and ring 3, and the TSS. The user
    /// data segment comes before the user code segment because SYSRET derives both from one base selector
    /// (SS = base + 8, CS = base + 16) — used once system calls exist.
    /// </summary>
    internal static unsafe class GlobalDescriptorTable
    {
        public const ushort KernelCodeSelector = 0x08;
        public const ushort KernelDataSelector = 0x10;
        public const ushort UserDataSelector = 0x18 | 3;
        public const ushort UserCodeSelector = 0x20 | 3;
        public const ushort TaskStateSelector = 0x28;

        private const int EntryCount = 7; // null, 4 segments, TSS (16 bytes = 2 entries)

        // Segment descriptors: base 0, limit 4 GiB (ignored in 64-bit mode), present, with these access bytes.
        private const ulong KernelCode = 0x00AF9A000000FFFF; // long mode, DPL 0, execute/read
        private const ulong KernelData = 0x00CF92000000FFFF; // DPL 0, read/write
        private const ulong UserData = 0x00CFF2000000FFFF;   // DPL 3, read/write
        private const ulong UserCode = 0x00AFFA000000FFFF;   // long mode, DPL 3, execute/read
        private const ulong AvailableTaskStateType = 0x9;

        private struct Storage
        {
            public fixed ulong Entries[EntryCount];
            public fixed byte Pointer[16]; // the 10-byte operand of lgdt: u16 limit, u64 base
        }

        private static Storage s_table;

        /// <summary>
        /// Builds the table around the TSS at <paramref name="taskStateAddress"/> (<paramref name="taskStateSize"/> bytes,
        /// at most 1 MiB), loads it, reloads the
        /// segment registers and loads the task register. Precondition: interrupts off.
        /// </summary>
        public static void Initialize(ulong taskStateAddress, uint taskStateSize)
        {
            fixed (Storage* table = &s_table)
            {
                ulong* entries = table->Entries;
                entries[0] = 0;
                entries[1] = KernelCode;
                entries[2] = KernelData;
                entries[3] = UserData;
                entries[4] = UserCode;
                // Byte granularity: the limit is the last byte, so it covers the TSS header, the whole I/O permission
                // bitmap and its closing all-ones byte (an access whose bitmap bits lie past the limit is denied).
                ulong limit = taskStateSize - 1;
                entries[5] = (limit & 0xFFFF)
                    | ((taskStateAddress & 0xFFFFFF) << 16)
                    | (AvailableTaskStateType << 40)
                    | (1UL << 47)                                  // present
                    | (((limit >> 16) & 0xF) << 48)
                    | (((taskStateAddress >> 24) & 0xFF) << 56);
                entries[6] = taskStateAddress >> 32;

                byte* pointer = table->Pointer;
                *(ushort*)pointer = EntryCount * 8 - 1;
                *(ulong*)(pointer + 2) = (ulong)entries;
                Native.LoadGdt(pointer, KernelCodeSelector, KernelDataSelector);
            }
            Native.LoadTaskRegister(TaskStateSelector);
        }
    }
}
