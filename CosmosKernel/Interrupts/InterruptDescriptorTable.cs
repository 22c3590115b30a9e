using CosmosKernel.Platform;

namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The IDT: 256 sixteen-byte gate descriptors, each pointing at its stub in trap_entry.asm. Vectors 0-31
    /// are CPU exceptions (the double fault runs on its own IST stack), the rest device interrupts
    /// (Time/InterruptVectors.cs names the ones in use). All are interrupt gates: IF is clear in the kernel.
    /// </summary>
    internal static unsafe class InterruptDescriptorTable
    {
        private const int VectorCount = 256;
        private const ulong InterruptGateType = 0xE; // clears IF on entry
        private const ulong Present = 0x80;

        private struct Storage
        {
            public fixed ulong Entries[VectorCount * 2];
            public fixed byte Pointer[16]; // the 10-byte operand of lidt: u16 limit, u64 base
        }

        private static Storage s_table;

        /// <summary>
        /// Installs the 256 stubs listed at <paramref name="stubTable"/> (their addresses, by vector)
        /// and loads the table. Precondition: the GDT and TSS are loaded (gates name the kernel code selector
        /// and IST slots).
        /// </summary>
        public static void Initialize(ulong* stubTable)
        {
            fixed (Storage* table = &s_table)
            {
                for (int i = 0; i < VectorCount * 2; i++)
                {
                    table->Entries[i] = 0;
                }
                for (int vector = 0; vector < VectorCount; vector++)
                {
                    byte stack = vector == CpuException.DoubleFault ? TaskStateSegment.DoubleFaultStackIndex : (byte)0;
                    SetGate(table->Entries, vector, stubTable[vector], stack, 0);
                }
                byte* pointer = table->Pointer;
                *(ushort*)pointer = VectorCount * 16 - 1;
                *(ulong*)(pointer + 2) = (ulong)table->Entries;
                Native.LoadIdt(pointer);
            }
        }

        // An interrupt gate to `handler` in the kernel code segment, on IST slot `stack` (0: the current or
        // RSP0 stack), callable by `int n` from privilege level `privilege`.
        private static void SetGate(ulong* entries, int vector, ulong handler, byte stack, int privilege)
        {
            entries[vector * 2] = (handler & 0xFFFF)
                | ((ulong)GlobalDescriptorTable.KernelCodeSelector << 16)
                | ((ulong)(stack & 7) << 32)
                | ((Present | ((ulong)privilege << 5) | InterruptGateType) << 40)
                | (((handler >> 16) & 0xFFFF) << 48);
            entries[vector * 2 + 1] = handler >> 32;
        }
    }
}
