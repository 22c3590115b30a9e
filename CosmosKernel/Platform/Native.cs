using System.Runtime;
using System.Runtime.CompilerServices;

namespace CosmosKernel.Platform
{
    /// <summary>
    /// The kernel's native boundary: every instruction C# cannot express, implemented in native.asm.
    /// Nothing else in the kernel calls assembly directly (the trap, system-call and thread-switch entry code
    /// is reached through the CPU and the stacks, see Interrupts/, SystemCalls/ and Scheduling/).
    /// </summary>
    internal static unsafe class Native
    {
        // Port I/O.
        [RuntimeImport("native_out_byte")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutByte(ushort port, byte value);

        [RuntimeImport("native_in_byte")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern byte InByte(ushort port);

        [RuntimeImport("native_out_word")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutWord(ushort port, ushort value);

        [RuntimeImport("native_in_word")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ushort InWord(ushort port);

        [RuntimeImport("native_out_dword")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutDword(ushort port, uint value);

        [RuntimeImport("native_in_dword")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern uint InDword(ushort port);

        // Interrupt flag and halting.
        [RuntimeImport("native_halt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Halt();

        [RuntimeImport("native_disable_interrupts")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DisableInterrupts();

        [RuntimeImport("native_enable_interrupts")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void EnableInterrupts();

        [RuntimeImport("native_enable_interrupts_and_halt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void EnableInterruptsAndHalt();

        [RuntimeImport("native_read_flags")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadFlags();

        // Control registers and the TLB.
        [RuntimeImport("native_read_cr0")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr0();

        [RuntimeImport("native_read_cr2")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr2();

        [RuntimeImport("native_read_cr3")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr3();

        [RuntimeImport("native_write_cr3")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteCr3(ulong pageMapLevel4Physical);

        [RuntimeImport("native_read_cr4")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr4();

        [RuntimeImport("native_write_cr4")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteCr4(ulong value);

        /// <summary>Zeroes one 4 KiB page (rep stosq: under QEMU TCG a third cheaper than a loop of stores).</summary>
        [RuntimeImport("native_zero_page")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ZeroPage(void* page);

        [RuntimeImport("native_invalidate_page")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InvalidatePage(ulong virtualAddress);

        // Model-specific registers, the time-stamp counter, CPUID.
        [RuntimeImport("native_read_msr")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadMsr(uint msr);

        [RuntimeImport("native_write_msr")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteMsr(uint msr, ulong value);

        [RuntimeImport("native_read_timestamp_counter")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadTimestampCounter();

        [RuntimeImport("native_cpuid")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Cpuid(uint leaf, uint subleaf, uint* results);

        // Descriptor tables.
        [RuntimeImport("native_load_gdt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LoadGdt(void* descriptorPointer, ushort codeSelector, ushort dataSelector);

        [RuntimeImport("native_load_idt")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LoadIdt(void* descriptorPointer);

        [RuntimeImport("native_load_task_register")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LoadTaskRegister(ushort selector);

        [RuntimeImport("native_read_frame_pointer")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadFramePointer();

        // Threads (Scheduling/thread_switch.asm).
        [RuntimeImport("native_switch_stacks")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SwitchStacks(ulong* saveStackPointer, ulong newStackPointer);

        [RuntimeImport("native_idle_forever")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void IdleForever();

        // Addresses defined by the linker script and the assembly files (see KernelLayout).
        [RuntimeImport("native_read_kernel_layout")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ReadKernelLayout(KernelLayout* destination);
    }
}
