namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// The interrupted state as trap_entry.asm saves it on the stack: CR2 and the general-purpose registers
    /// (pushed by trap_common, so in reverse push order), the vector and error code (pushed by the stub; 0
    /// when the CPU supplies none), then what the CPU pushed: RIP, CS, RFLAGS, RSP, SS.
    /// </summary>
    internal struct TrapFrame
    {
        public ulong Cr2;
        public ulong R15;
        public ulong R14;
        public ulong R13;
        public ulong R12;
        public ulong R11;
        public ulong R10;
        public ulong R9;
        public ulong R8;
        public ulong Rbp;
        public ulong Rdi;
        public ulong Rsi;
        public ulong Rdx;
        public ulong Rcx;
        public ulong Rbx;
        public ulong Rax;
        public ulong Vector;
        public ulong ErrorCode;
        public ulong Rip;
        public ulong Cs;
        public ulong Rflags;
        public ulong Rsp;
        public ulong Ss;

        /// <summary>True when the interrupted code ran in ring 3.</summary>
        public readonly bool CameFromUserMode => (Cs & 3) == 3;
    }
}
