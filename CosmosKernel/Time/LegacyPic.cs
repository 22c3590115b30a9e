using CosmosKernel.Platform;

namespace CosmosKernel.Time
{
    /// <summary>
    /// The two 8259 interrupt controllers of the PC. The kernel takes its own timer from the local APIC; the PICs
    /// are remapped away from the exception vectors (to InterruptVectors.LegacyPicBase) and start with every line
    /// masked. Ring-3 drivers receive the 16 legacy lines as notifications (Interrupts/InterruptLines.cs), which
    /// masks and unmasks single lines here. The kernel keeps its own copy of both mask registers, so changing
    /// one line is one port write, never a read.
    /// </summary>
    internal static class LegacyPic
    {
        /// <summary>Lines 0-15: 0-7 on the primary PIC, 8-15 on the secondary.</summary>
        public const int LineCount = 16;

        /// <summary>The primary's input that the secondary PIC's output is wired to; never a device's line.</summary>
        public const int CascadeLine = 2;

        private const int LinesPerController = 8;
        private const ushort PrimaryCommand = 0x20;
        private const ushort PrimaryData = 0x21;
        private const ushort SecondaryCommand = 0xA0;
        private const ushort SecondaryData = 0xA1;
        private const byte InitializeWithFourthWord = 0x11;
        private const byte EightySixMode = 0x01;
        private const byte NonSpecificEndOfInterrupt = 0x20;
        private const byte ReadInServiceRegister = 0x0B;
        private const byte AllMasked = 0xFF;

        // The lowest line of each controller: the one that also signals a spurious interrupt as its eighth line.
        private const int PrimarySpuriousLine = 7;
        private const int SecondarySpuriousLine = 15;

        // Bit n set: line n masked. Lines 0-7 in the low byte (primary), 8-15 in the high byte (secondary).
        private static ushort s_mask;

        /// <summary>Initialises both PICs for vectors LegacyPicBase + line and masks every line. Boot only, interrupts off.</summary>
        public static void RemapAndMask()
        {
            Native.OutByte(PrimaryCommand, InitializeWithFourthWord);
            Native.OutByte(SecondaryCommand, InitializeWithFourthWord);
            Native.OutByte(PrimaryData, InterruptVectors.LegacyPicBase);
            Native.OutByte(SecondaryData, InterruptVectors.LegacyPicBase + LinesPerController);
            Native.OutByte(PrimaryData, 1 << CascadeLine);  // the secondary PIC hangs off line 2
            Native.OutByte(SecondaryData, CascadeLine);     // its cascade identity
            Native.OutByte(PrimaryData, EightySixMode);
            Native.OutByte(SecondaryData, EightySixMode);
            s_mask = 0xFFFF;
            Native.OutByte(PrimaryData, AllMasked);
            Native.OutByte(SecondaryData, AllMasked);
        }

        /// <summary>Stops <paramref name="line"/> (0-15) from raising interrupts. Interrupts off.</summary>
        public static void Mask(int line)
        {
            SetMask((ushort)(s_mask | (1 << line)), line);
        }

        /// <summary>
        /// Lets <paramref name="line"/> (0-15, not the cascade) raise interrupts. A secondary line also unmasks the
        /// cascade, which then stays unmasked: with every secondary line masked nothing arrives through it but a
        /// spurious IRQ 15, which <see cref="IsSpurious"/> recognises. Interrupts off.
        /// </summary>
        public static void Unmask(int line)
        {
            ushort mask = (ushort)(s_mask & ~(1 << line));
            if (line >= LinesPerController && (mask & (1 << CascadeLine)) != 0)
            {
                mask = (ushort)(mask & ~(1 << CascadeLine));
                SetMask(mask, CascadeLine);
            }
            SetMask(mask, line);
        }

        /// <summary>True while <paramref name="line"/> is masked (the kernel's copy of the mask registers).</summary>
        public static bool IsMasked(int line) => (s_mask & (1 << line)) != 0;

        /// <summary>
        /// True when the interrupt on <paramref name="line"/> is a spurious one: IRQ 7 or 15 raised without the line being
        /// in service (a request that went away before the CPU acknowledged it). A spurious IRQ 7 needs no end of
        /// interrupt; a spurious IRQ 15 still needs one for the primary PIC, whose cascade line did fire, and gets it
        /// here. Interrupts off.
        /// </summary>
        public static bool IsSpurious(int line)
        {
            if (line == PrimarySpuriousLine)
            {
                return !IsInService(PrimaryCommand, PrimarySpuriousLine);
            }
            if (line == SecondarySpuriousLine && !IsInService(SecondaryCommand, SecondarySpuriousLine - LinesPerController))
            {
                Native.OutByte(PrimaryCommand, NonSpecificEndOfInterrupt);
                return true;
            }
            return false;
        }

        /// <summary>Ends the interrupt of <paramref name="line"/> at the PICs: the secondary's lines need both controllers told. Interrupts off.</summary>
        public static void EndOfInterrupt(int line)
        {
            if (line >= LinesPerController)
            {
                Native.OutByte(SecondaryCommand, NonSpecificEndOfInterrupt);
            }
            Native.OutByte(PrimaryCommand, NonSpecificEndOfInterrupt);
        }

        // Writes the controller that holds `line` with its byte of `mask`, and keeps `mask` as the kernel's copy.
        private static void SetMask(ushort mask, int line)
        {
            s_mask = mask;
            if (line < LinesPerController)
            {
                Native.OutByte(PrimaryData, (byte)mask);
            }
            else
            {
                Native.OutByte(SecondaryData, (byte)(mask >> 8));
            }
        }

        private static bool IsInService(ushort command, int bit)
        {
            Native.OutByte(command, ReadInServiceRegister);
            return (Native.InByte(command) & (1 << bit)) != 0;
        }
    }
}
