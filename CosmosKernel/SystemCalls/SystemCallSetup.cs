using CosmosKernel.Interrupts;
using CosmosKernel.Platform;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// Turns `syscall`/`sysret` on: EFER.SCE, the selectors in STAR (kernel CS/SS from 0x08; SYSRET takes
    /// SS = 0x18|3 and CS = 0x20|3 from the base 0x10, see GlobalDescriptorTable), the entry point in LSTAR
    /// and the flags cleared on entry in SFMASK (IF so the entry runs with interrupts off; DF, TF, AC, NT).
    /// </summary>
    internal static class SystemCallSetup
    {
        private const uint ExtendedFeatureEnableMsr = 0xC0000080;
        private const uint SegmentTargetMsr = 0xC0000081;      // STAR
        private const uint LongModeTargetMsr = 0xC0000082;     // LSTAR
        private const uint FlagMaskMsr = 0xC0000084;           // SFMASK
        private const ulong SystemCallEnable = 1;
        private const ulong SysretSelectorBase = 0x10;
        private const ulong MaskedFlags = 0x100 | 0x200 | 0x400 | 0x4000 | 0x40000; // TF IF DF NT AC

        public static void Enable(ulong entryPoint)
        {
            Native.WriteMsr(ExtendedFeatureEnableMsr, Native.ReadMsr(ExtendedFeatureEnableMsr) | SystemCallEnable);
            Native.WriteMsr(SegmentTargetMsr, (SysretSelectorBase << 48) | ((ulong)GlobalDescriptorTable.KernelCodeSelector << 32));
            Native.WriteMsr(LongModeTargetMsr, entryPoint);
            Native.WriteMsr(FlagMaskMsr, MaskedFlags);
        }
    }
}
