using CosmosKernel.Platform;

namespace CosmosKernel.Power
{
    /// <summary>
    /// Resets the machine: the PCI reset control register (port 0xCF9, full reset: PIIX, ICH, most chipsets), then the
    /// keyboard controller's reset line (command 0xFE at port 0x64, every PC), then a triple fault (an empty IDT and an
    /// exception), which resets any x86 machine.
    /// </summary>
    internal static unsafe class MachineReset
    {
        private const ushort ResetControlPort = 0xCF9;
        private const byte FullReset = 0x0E; // system reset (bit 1), CPU reset (bit 2), full reset (bit 3)
        private const ushort KeyboardControllerCommandPort = 0x64;
        private const byte PulseResetLine = 0xFE;
        private const byte InputBufferFull = 0x02;

        public static void Reset()
        {
            Native.DisableInterrupts();
            Native.OutByte(ResetControlPort, 0x02);
            Native.OutByte(ResetControlPort, FullReset);
            Pause();
            for (int i = 0; i < 100_000 && (Native.InByte(KeyboardControllerCommandPort) & InputBufferFull) != 0; i++)
            {
            }
            Native.OutByte(KeyboardControllerCommandPort, PulseResetLine);
            Pause();
            // An IDT of limit 0: the next exception cannot be delivered, nor the double fault, so the CPU shuts down (resets).
            ulong* emptyDescriptor = stackalloc ulong[2];
            emptyDescriptor[0] = 0;
            emptyDescriptor[1] = 0;
            Native.LoadIdt(emptyDescriptor);
            Diagnostics.DeliberateFault.DivideByZero();
            while (true)
            {
                Native.Halt();
            }
        }

        // Some time for the chipset to act before the next method is tried.
        private static void Pause()
        {
            for (int i = 0; i < 100_000; i++)
            {
                Native.InByte(0x80);
            }
        }
    }
}
