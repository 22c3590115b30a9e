using CosmosKernel.Memory;
using CosmosKernel.Platform;

namespace CosmosKernel.Time
{
    /// <summary>
    /// The boot CPU's local APIC in xAPIC mode (registers in the 4 KiB page named by the APIC base MSR, mapped
    /// uncached at its direct-map address unless the direct map already covers it): enabled with a spurious vector, its timer calibrated against the PIT and run
    /// periodically as the scheduler's tick; LINT0 passes the legacy PICs' interrupts through.
    /// </summary>
    internal static unsafe class LocalApic
    {
        private const uint ApicBaseMsr = 0x1B;
        private const ulong ApicGlobalEnable = 1UL << 11;
        private const ulong ApicBaseMask = 0xFFFFFF000;
        private const int TaskPriority = 0x80;
        private const int EndOfInterruptRegister = 0xB0;
        private const int SpuriousVector = 0xF0;
        private const int TimerVector = 0x320;
        private const int LocalInterrupt0 = 0x350;
        private const int TimerInitialCount = 0x380;
        private const int TimerCurrentCount = 0x390;
        private const int TimerDivide = 0x3E0;
        private const uint SoftwareEnable = 0x100;
        private const uint Masked = 1u << 16;
        private const uint Periodic = 1u << 17;
        private const uint DivideBy16 = 0x3;
        private const uint ExternalInterruptDelivery = 0x7 << 8;

        private static byte* s_registers;
        private static ulong s_timerHz;

        public static bool IsPresent
        {
            get
            {
                uint* registers = stackalloc uint[4];
                Native.Cpuid(1, 0, registers);
                return (registers[3] & (1u << 9)) != 0;
            }
        }

        /// <summary>The timer's input clock after the divider, in Hz (0 before calibration).</summary>
        public static ulong TimerFrequencyHz => s_timerHz;

        /// <summary>
        /// Enables the APIC (software enable, spurious vector, accept every priority) with its timer masked.
        /// Returns false when its register page cannot be mapped. The direct map only covers what the firmware's
        /// memory map lists (SeaBIOS lists the hole below 4 GiB, OVMF does not), so the page gets its own
        /// uncached mapping where needed, at its direct-map address (within the kernel half every task shares).
        /// </summary>
        public static bool Enable()
        {
            ulong baseMsr = Native.ReadMsr(ApicBaseMsr);
            Native.WriteMsr(ApicBaseMsr, baseMsr | ApicGlobalEnable);
            PhysicalAddress registers = new PhysicalAddress(baseMsr & ApicBaseMask);
            VirtualAddress virtualAddress = new VirtualAddress(KernelMemory.DirectMapBase + registers.Value);
            if (!KernelMemory.KernelSpace.Translate(virtualAddress).IsMapped)
            {
                PageTableError error = KernelMemory.KernelSpace.Map(virtualAddress, registers,
                    PageFlags.Writable | PageFlags.NoExecute | PageFlags.Global | PageFlags.CacheDisable, ref KernelMemory.Frames);
                if (error != PageTableError.None)
                {
                    return false;
                }
            }
            s_registers = (byte*)virtualAddress.Value;
            Write(TaskPriority, 0);
            Write(SpuriousVector, SoftwareEnable | InterruptVectors.Spurious);
            Write(TimerVector, Masked | InterruptVectors.Timer);
            Write(TimerDivide, DivideBy16);
            // The 8259 PICs' output reaches the CPU through LINT0 ("virtual wire"): delivered as ExtINT, the vector
            // comes from the PIC and needs no APIC end of interrupt. The firmware may have left LINT0 masked.
            Write(LocalInterrupt0, ExternalInterruptDelivery);
            return true;
        }

        /// <summary>Counts the timer down while the PIT measures <paramref name="pitTicks"/>; returns the APIC ticks that passed.</summary>
        public static ulong MeasureTimerTicks(ushort pitTicks)
        {
            Write(TimerInitialCount, uint.MaxValue);
            ProgrammableIntervalTimer.StartOneShot(pitTicks);
            while (!ProgrammableIntervalTimer.HasExpired())
            {
            }
            uint remaining = Read(TimerCurrentCount);
            Write(TimerInitialCount, 0);
            return uint.MaxValue - remaining;
        }

        public static void SetTimerFrequency(ulong hz) => s_timerHz = hz;

        /// <summary>Starts the periodic timer at <paramref name="ticksPerSecond"/> interrupts per second.</summary>
        public static void StartPeriodicTimer(ulong ticksPerSecond)
        {
            ulong count = s_timerHz / ticksPerSecond;
            Write(TimerVector, Periodic | InterruptVectors.Timer);
            Write(TimerInitialCount, count == 0 ? 1 : (uint)count);
        }

        public static void EndOfInterrupt() => Write(EndOfInterruptRegister, 0);

        private static void Write(int register, uint value) => *(uint*)(s_registers + register) = value;

        private static uint Read(int register) => *(uint*)(s_registers + register);
    }
}
