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
        // 12 was MemoryAllocate (kernel-chosen memory, before pagers): UnknownCall now.
        MemoryWrite = 13,
        Uptime = 14,
        ThreadSelf = 15,
        TaskKill = 16,
        TaskWait = 17,
        MemoryInformation = 18,
        // 19 was MemoryFree: UnknownCall now; pages go back to their pager (MemoryUnmap, the pager's own protocol).
        ThreadsSuspend = 20,
        ThreadsResume = 21,
        TaskSetFaultHandler = 22,
        KernelHeapInformation = 23,

        // Capabilities (docs/ARCHITECTURE.md, section 5)
        PortCreate = 24,
        NotificationCreate = 25,
        CapabilityCopy = 26,
        CapabilityMove = 27,
        CapabilityDelete = 28,
        CapabilityRevoke = 29,
        CapabilityInformation = 30,
        CapabilityGive = 31,

        // IPC
        IpcSend = 32,
        IpcReceive = 33,
        IpcCall = 34,
        IpcReply = 35,
        IpcReplyWait = 36,
        IpcSaveReply = 37,
        NotificationSignal = 38,
        NotificationWait = 39,
        NotificationBind = 40,
        ThreadSetExceptionPort = 41,

        // Hardware by capability
        InterruptBind = 42,
        InterruptAcknowledge = 43,
        IoPortRangeDerive = 44,
        IoPortsEnable = 45,

        // Address spaces (docs/ARCHITECTURE.md, section 6)
        MemoryMap = 46,
        MemoryUnmap = 47,
        TaskSetPager = 48,
        TaskSetMemoryQuota = 49,
        TaskMemoryInformation = 50,
        PhysicalMemoryRanges = 51,
        MemoryMappingInformation = 52,

        // Power (docs/ARCHITECTURE.md, section 7)
        SystemPower = 53,
        Count = 54,
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

        /// <summary>A capability slot is 0 (the null slot) or not below the table's capacity (256).</summary>
        InvalidSlot = -12,
        /// <summary>The capability slot is empty.</summary>
        EmptySlot = -13,
        /// <summary>The capability names another kind of object than the call needs.</summary>
        WrongKind = -14,
        /// <summary>The capability lacks a right the call needs (Send, Receive, Grant, Control).</summary>
        InsufficientRights = -15,
        /// <summary>The object the capability named was destroyed or revoked.</summary>
        StaleCapability = -16,
        /// <summary>A derived capability asked for a right its source does not hold.</summary>
        RightsExceedSource = -17,
        /// <summary>A badge was asked for on a capability that already has one, or on a kind that carries none.</summary>
        NotBadgeable = -18,
        /// <summary>A reply capability cannot be copied (only moved or used).</summary>
        NotCopyable = -19,
        /// <summary>The capability's kind cannot be revoked (only ports and notifications can; a port or notification capability without Receive gets InsufficientRights).</summary>
        NotRevocable = -20,
        /// <summary>The message tag or a typed item is malformed; rdi holds the <see cref="Ipc.MessageError"/>.</summary>
        MalformedMessage = -21,
        /// <summary>The partner went away: the port was destroyed, the server ended before replying, or the caller waiting for a reply ended.</summary>
        PartnerGone = -22,
        /// <summary>A typed item could not be transferred (string buffer missing, too small or not mapped, capability window full); nothing was delivered.</summary>
        TransferFailed = -23,
        /// <summary>Map and grant items wait for the issue "Address spaces".</summary>
        NotSupported = -24,
        /// <summary>IpcReply or IpcSaveReply without a caller waiting for this thread's reply.</summary>
        NoCaller = -25,

        /// <summary>The task that would receive a mapping or a page table has used up its memory quota (TaskSetMemoryQuota).</summary>
        QuotaExceeded = -26,
    }
}
