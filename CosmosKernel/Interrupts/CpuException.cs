namespace CosmosKernel.Interrupts
{
    /// <summary>Names of the 32 CPU exception vectors, for reports.</summary>
    internal static class CpuException
    {
        public const int Count = 32;
        public const int DivideError = 0;
        public const int NonMaskableInterrupt = 2;
        public const int Breakpoint = 3;
        public const int DoubleFault = 8;
        public const int GeneralProtection = 13;
        public const int PageFault = 14;
        public const int MachineCheck = 18;

        /// <summary>The architectural name of exception <paramref name="vector"/> ("reserved" for unassigned vectors).</summary>
        public static string NameOf(ulong vector)
        {
            switch (vector)
            {
                case 0: return "divide error (#DE)";
                case 1: return "debug (#DB)";
                case 2: return "non-maskable interrupt (NMI)";
                case 3: return "breakpoint (#BP)";
                case 4: return "overflow (#OF)";
                case 5: return "bound range exceeded (#BR)";
                case 6: return "invalid opcode (#UD)";
                case 7: return "device not available (#NM)";
                case 8: return "double fault (#DF)";
                case 9: return "coprocessor segment overrun";
                case 10: return "invalid TSS (#TS)";
                case 11: return "segment not present (#NP)";
                case 12: return "stack-segment fault (#SS)";
                case 13: return "general protection fault (#GP)";
                case 14: return "page fault (#PF)";
                case 16: return "x87 floating-point error (#MF)";
                case 17: return "alignment check (#AC)";
                case 18: return "machine check (#MC)";
                case 19: return "SIMD floating-point exception (#XM)";
                case 20: return "virtualization exception (#VE)";
                case 21: return "control protection exception (#CP)";
                case 28: return "hypervisor injection exception (#HV)";
                case 29: return "VMM communication exception (#VC)";
                case 30: return "security exception (#SX)";
                default: return "reserved exception";
            }
        }
    }
}
