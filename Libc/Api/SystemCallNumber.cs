namespace Cosmos.Api
{
    /// <summary>
    /// System-call numbers (the value in rax at `syscall`). Shared by the kernel and Libc: the kernel is
    /// compiled against Libc, so both sides use this one definition. docs/ARCHITECTURE.md lists each call's
    /// arguments and results.
    /// </summary>
    public enum SystemCallNumber : long
    {
        Null = 0,
        DebugWrite = 1,
        ThreadCreate = 2,
        ThreadStart = 3,
        ThreadExit = 4,
        Yield = 5,
        Sleep = 6,
        TaskCreate = 7,
        TaskExit = 8,
        ThreadInformation = 9,
        TaskInformation = 10,
        KernelInformationPage = 11,
        MemoryAllocate = 12,
        MemoryWrite = 13,
        Uptime = 14,
        ThreadSelf = 15,
        TaskKill = 16,
        TaskWait = 17,
        MemoryInformation = 18,
        MemoryFree = 19,
        ThreadsSuspend = 20,
        ThreadsResume = 21,
        TaskSetFaultHandler = 22,
        KernelHeapInformation = 23,
        Count = 24,
    }

    /// <summary>
    /// Errors a system call returns, as negative values in rax (a non-negative rax is success and the
    /// call's result). Each names one cause, so a caller can tell a bad address from exhausted memory.
    /// </summary>
    public enum SystemCallError : long
    {
        None = 0,
        UnknownCall = -1,
        BadAddress = -2,
        InvalidArgument = -3,
        OutOfMemory = -4,
        NoSuchThread = -5,
        NoSuchTask = -6,
        PermissionDenied = -7,
        LimitReached = -8,
        AlreadyExists = -9,
        WrongState = -10,
        TimedOut = -11,
    }
}
