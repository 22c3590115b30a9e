namespace CosmosKernel.Time
{
    /// <summary>The interrupt vectors the kernel uses above the 32 CPU exceptions.</summary>
    internal static class InterruptVectors
    {
        /// <summary>The legacy 8259 PICs are remapped here (and masked), so their spurious IRQ 7/15 cannot look like exceptions.</summary>
        public const int LegacyPicBase = 0x20;
        public const int LegacyPicEnd = 0x30;

        /// <summary>The local APIC timer: the scheduler's tick.</summary>
        public const int Timer = 0x30;

        /// <summary>The local APIC's spurious-interrupt vector (its low 4 bits must be 1 on old APICs).</summary>
        public const int Spurious = 0xFF;
    }
}
