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
    }
}
