namespace Cosmos.Api
{
    /// <summary>One thread as the thread-information system call reports it (for `ps`).</summary>
    public unsafe struct ThreadInformation
    {
        public ulong ThreadId;
        public ulong TaskId;
        public ThreadState State;
        public BlockReason BlockReason;
        public byte Priority;
        public byte Reserved;
        public int Reserved2;
        public ulong CpuTimeNanoseconds;
        public ulong UtcbAddress;
        /// <summary>The thread's pager (0: none; page faults end the task until pagers exist).</summary>
        public ulong PagerThreadId;
    }

    /// <summary>One task as the task-information system call reports it.</summary>
    public unsafe struct TaskInformation
    {
        public const int NameCapacity = 32;

        public ulong TaskId;
        public ulong ParentTaskId;
        public int ThreadCount;
        public byte MaximumPriority;
        public byte Ended;
        public short NameLength;
        /// <summary>Frames the kernel allocated for the task's own memory (not counting page tables and UTCBs).</summary>
        public ulong OwnedPages;
        public ulong PageTablePages;
        public long ExitCode;
        public TaskEndReason EndReason;
        public ulong CpuTimeNanoseconds;
        public fixed byte Name[NameCapacity]; // ASCII
    }

    /// <summary>
    /// The kernel information page, mapped read-only at <see cref="UserLayout.KernelInformationAddress"/> in
    /// every task. With BootTimestamp and TimestampFrequencyHz a program reads the uptime clock without a
    /// system call: ns = (rdtsc - BootTimestamp) * 10^9 / TimestampFrequencyHz.
    /// </summary>
    public unsafe struct KernelInformation
    {
        public const ulong ExpectedMagic = 0x4B4950534F4D534F; // "OSMOSPIK"

        public ulong Magic;
        public uint VersionMajor;
        public uint VersionMinor;
        public uint VersionPatch;
        public uint PageSize;
        public ulong MemoryBytes;          // usable RAM reported by the boot loader
        public ulong FrameCount;           // frames the kernel manages
        public ulong TimerFrequencyHz;     // scheduler ticks per second
        public ulong TimeSliceNanoseconds;
        public ulong TimestampFrequencyHz; // TSC
        public ulong BootTimestamp;        // TSC at uptime zero
        public ulong ApicTimerFrequencyHz;
        public uint CpuFeaturesEcx;        // CPUID leaf 1
        public uint CpuFeaturesEdx;
        public uint CpuExtendedFeaturesEbx; // CPUID leaf 7
        public uint MaximumThreads;
        public uint MaximumTasks;
        public uint SystemCallCount;
        public fixed byte CpuVendor[16];   // CPUID leaf 0, NUL-terminated
    }

    /// <summary>
    /// A thread's user thread control block: one page mapped read-write in its task at
    /// UserLayout.UtcbBase + slot * PageSize; the FS base of the thread points at it, and its first word
    /// points at itself (so fs:[0] finds it, as in the x86-64 TLS convention). The message registers carry
    /// IPC payloads (issue "IPC").
    /// </summary>
    public unsafe struct Utcb
    {
        public const int MessageRegisterCount = 64;

        public ulong Self;
        public ulong ThreadId;
        public ulong TaskId;
        public ulong Reserved;
        public fixed ulong MessageRegisters[MessageRegisterCount];
    }
}
