namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// The message the kernel sends, as a call on the faulting thread's behalf, to a thread's exception port
    /// (ThreadSetExceptionPort) when it raises a CPU exception in ring 3 that its task's own fault handler does not
    /// take. Label <see cref="Label"/>, <see cref="WordCount"/> untyped words, the badge of the exception port
    /// capability. The handler answers the call: label <see cref="ResumeLabel"/> resumes the thread (with the
    /// registers of words <see cref="RegistersWord"/>.. if the reply carries all <see cref="WordCount"/> words,
    /// unchanged otherwise; rflags keeps only its arithmetic flags and the trap flag from the reply),
    /// <see cref="EndThreadLabel"/> ends the thread, and anything else ends its task as an unhandled fault would.
    /// </summary>
    public static class FaultMessage
    {
        public const uint Label = 0xFFFF_FF00;

        public const int VectorWord = 0;
        public const int ErrorCodeWord = 1;
        /// <summary>CR2 for a page fault, 0 otherwise.</summary>
        public const int AddressWord = 2;
        public const int ThreadIdWord = 3;
        public const int TaskIdWord = 4;
        /// <summary>Words 5-22: the <see cref="UserRegisters"/> fields in declaration order (Rip first).</summary>
        public const int RegistersWord = 5;
        public const int WordCount = RegistersWord + 18;

        public const uint ResumeLabel = 0;
        public const uint EndThreadLabel = 1;
    }
}
