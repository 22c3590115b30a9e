using CosmosKernel.Platform;

namespace CosmosKernel.Time
{
    /// <summary>
    /// The two 8259 interrupt controllers of the PC. The kernel takes its timer from the local APIC, so the
    /// PICs are only remapped away from the exception vectors (to InterruptVectors.LegacyPicBase) and masked.
    /// </summary>
    internal static class LegacyPic
    {
        private const ushort PrimaryCommand = 0x20;
        private const ushort PrimaryData = 0x21;
        private const ushort SecondaryCommand = 0xA0;
        private const ushort SecondaryData = 0xA1;
        private const byte InitializeWithFourthWord = 0x11;
        private const byte EightySixMode = 0x01;

        public static void RemapAndMask()
        {
            Native.OutByte(PrimaryCommand, InitializeWithFourthWord);
            Native.OutByte(SecondaryCommand, InitializeWithFourthWord);
            Native.OutByte(PrimaryData, InterruptVectors.LegacyPicBase);
            Native.OutByte(SecondaryData, InterruptVectors.LegacyPicBase + 8);
            Native.OutByte(PrimaryData, 4);    // the secondary PIC hangs off line 2
            Native.OutByte(SecondaryData, 2);  // its cascade identity
            Native.OutByte(PrimaryData, EightySixMode);
            Native.OutByte(SecondaryData, EightySixMode);
            Native.OutByte(PrimaryData, 0xFF);
            Native.OutByte(SecondaryData, 0xFF);
        }
    }
}
