namespace Cosmos.Api.Memory
{
    /// <summary>
    /// The message the kernel sends, as a call on the faulting thread's behalf, to its task's pager (TaskSetPager) when
    /// the thread touches a user address its address space does not map (or maps without the right it needed). Label
    /// <see cref="Label"/>, <see cref="WordCount"/> untyped words, the badge of the pager capability. The pager answers
    /// with label <see cref="ResolvedLabel"/> and a map or grant item (its hot spot inside the faulting page, usually
    /// the fault address itself): the kernel installs the mapping in the faulting address space, whose receive window
    /// for this reply is the whole user half, and the thread executes the instruction again. Any other label
    /// (<see cref="UnresolvedLabel"/>), or the pager going away, leaves the fault unresolved: it then goes on as a fault
    /// in a task without a pager (the task's fault handler, the thread's exception port, else the task ends with a
    /// report). The thread's message registers 0-3 and its received tag and badge are saved across the exchange, so a
    /// fault in the middle of composing a message loses nothing.
    /// </summary>
    public static class PageFaultMessage
    {
        public const uint Label = 0xFFFF_FF10;

        /// <summary>The faulting address (CR2), not rounded.</summary>
        public const int AddressWord = 0;
        /// <summary>What the access needed, as <see cref="Ipc.FlexpageRights"/> bits (1 read, 2 write, 4 execute), plus <see cref="PresentBit"/>.</summary>
        public const int AccessWord = 1;
        /// <summary>The faulting instruction's address.</summary>
        public const int InstructionWord = 2;
        /// <summary>The faulting thread's id.</summary>
        public const int ThreadIdWord = 3;
        public const int WordCount = 4;

        /// <summary>In the access word: the page was mapped, but without the right the access needed.</summary>
        public const ulong PresentBit = 1UL << 8;

        public const uint ResolvedLabel = 0;
        public const uint UnresolvedLabel = 1;
    }
}
