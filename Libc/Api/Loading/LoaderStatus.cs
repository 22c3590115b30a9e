namespace Cosmos.Api.Loading
{
    /// <summary>The loader service's answer (<see cref="LoaderProtocol"/>), carried as the reply's label.</summary>
    public enum LoaderStatus : uint
    {
        Ok = 0,

        /// <summary>No boot module has the run word's program name.</summary>
        NoSuchProgram = 1,

        /// <summary>Wrong word or item counts, a missing or overlong run word, or a run word that does not parse.</summary>
        BadRequest = 2,

        /// <summary>The module is not a valid program, or loading it failed (the pool is exhausted, the kernel refused).</summary>
        LoadFailed = 3,

        /// <summary>A capability the run word's suffixes ask for could not be given.</summary>
        CapabilityFailed = 4,

        /// <summary>The kernel refused the quota (above the root task's own), or the pager capability (not a port send right).</summary>
        Refused = 5,

        /// <summary>The root task is tracking as many programs as it can.</summary>
        TooManyPrograms = 6,

        /// <summary>The program runs, but its Task capability could not be put into the caller's window (full or not declared); word 0 is the task id.</summary>
        TaskCapabilityNotDelivered = 7,

        /// <summary>A label the loader does not know.</summary>
        UnknownRequest = 8,

        /// <summary>Client side only: the loader could not be found at the name broker, or the call failed.</summary>
        LoaderUnreachable = 9,
    }
}
