namespace Cosmos.Servers.RootTask
{
    /// <summary>Why the text of a run= word was refused (<see cref="RunWord.TryParse"/>); <see cref="RunWord.Describe"/> words it.</summary>
    internal enum RunWordError
    {
        None,
        /// <summary>No program name before the first ':' or '+'.</summary>
        EmptyProgramName,
        /// <summary>A "+" suffix that is none of +register, +spawn, +sigma0, +irq=N, +io=FIRST-LAST, +device=BASE/LOG2.</summary>
        UnknownSuffix,
        /// <summary>"+irq=" without a number from 0 to 15.</summary>
        InvalidInterruptLine,
        /// <summary>"+io=" without FIRST-LAST, both 0 to 65535 and FIRST not above LAST.</summary>
        InvalidPortRange,
        /// <summary>More suffixes than <see cref="RunWord.MaximumCapabilityRequests"/>.</summary>
        TooManySuffixes,
        /// <summary>"+register" twice: a task needs one register right.</summary>
        RepeatedRegister,
        /// <summary>"+device=" without BASE/LOG2: LOG2 from 12 to 47, BASE a multiple of 2^LOG2 below 2^52.</summary>
        InvalidDeviceRange,
    }
}
