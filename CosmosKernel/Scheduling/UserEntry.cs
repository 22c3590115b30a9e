namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// How a thread last came into the kernel from ring 3, which says where its user registers are kept while it is
    /// off the CPU (all at the top of its kernel stack): see Tasks/UserRegisterState.cs.
    /// </summary>
    internal enum UserEntry : byte
    {
        /// <summary>Never started: it has no user registers.</summary>
        None = 0,
        /// <summary>Started but not yet run: the first-entry frame ThreadStack.PrepareUserEntry built.</summary>
        FirstEntry = 1,
        /// <summary>A `syscall`: a SystemCallFrame (callee-saved registers, rip, rflags, rsp; the rest are the call's arguments).</summary>
        SystemCall = 2,
        /// <summary>An interrupt or exception: a TrapFrame with every register.</summary>
        Interrupt = 3,
    }
}
