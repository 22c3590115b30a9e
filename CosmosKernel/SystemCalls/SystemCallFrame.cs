namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// The user registers system_call_entry.asm saves on the kernel stack at `syscall` (fields in reverse push
    /// order). Arguments are read from it; results are written to <see cref="Rax"/> (and <see cref="Rdx"/> for a
    /// second result) and reach the user when the entry code restores the registers.
    /// </summary>
    internal struct SystemCallFrame
    {
        public ulong R15;
        public ulong R14;
        public ulong R13;
        public ulong R12;
        public ulong Rbp;
        public ulong Rbx;
        public ulong R9;   // argument 6
        public ulong R8;   // argument 5
        public ulong R10;  // argument 4
        public ulong Rdx;  // argument 3; second result
        public ulong Rsi;  // argument 2
        public ulong Rdi;  // argument 1
        public ulong Rax;  // call number; result
        public ulong Rip;  // from rcx
        public ulong Rflags; // from r11
        public ulong Rsp;
    }
}
