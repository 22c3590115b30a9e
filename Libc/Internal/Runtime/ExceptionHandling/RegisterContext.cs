namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// One frame's registers as unwinding needs them: where it executes, its stack pointer and the callee-saved
    /// registers (the only ones a caller can rely on), plus rax for resuming after a catch. The layout is shared
    /// with Native/exception_dispatch.asm (offsets 0, 8, ... 64).
    /// </summary>
    public struct RegisterContext
    {
        public ulong Rip;
        public ulong Rsp;
        public ulong Rbx;
        public ulong Rbp;
        public ulong R12;
        public ulong R13;
        public ulong R14;
        public ulong R15;
        public ulong Rax;

        /// <summary>The unwinding view of a thread's saved user registers (a fault record, a trap frame's copy).</summary>
        public static RegisterContext From(in Cosmos.Api.UserRegisters registers)
        {
            RegisterContext context = default;
            context.Rip = registers.Rip;
            context.Rsp = registers.Rsp;
            context.Rbx = registers.Rbx;
            context.Rbp = registers.Rbp;
            context.R12 = registers.R12;
            context.R13 = registers.R13;
            context.R14 = registers.R14;
            context.R15 = registers.R15;
            context.Rax = registers.Rax;
            return context;
        }
    }
}
