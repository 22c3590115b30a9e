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
        /// <summary>Pages mapped in the task's address space: frames the kernel loaded for it (sigma0 and the root task) and pages its pager mapped (not counting page tables and UTCBs).</summary>
        public ulong ResidentPages;
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

        // The framebuffer the boot loader set up (multiboot2 tag 8); FramebufferType 0 when there is none.
        public ulong FramebufferPhysical;
        public uint FramebufferPitch;      // bytes per scan line
        public uint FramebufferWidth;      // pixels, or characters in EGA text mode
        public uint FramebufferHeight;
        public byte FramebufferBitsPerPixel;
        public byte FramebufferType;       // 0 none, 1 direct RGB, 2 EGA text, 3 indexed colour
        public ushort FramebufferReserved;
        // Direct RGB (type 1): each colour's lowest bit and width in a pixel; all 0 when the boot loader did not say.
        public byte FramebufferRedPosition;
        public byte FramebufferRedSize;
        public byte FramebufferGreenPosition;
        public byte FramebufferGreenSize;
        public byte FramebufferBluePosition;
        public byte FramebufferBlueSize;
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
        public const int StringReceiveBufferCapacity = 8;

        // Byte offsets the assembly stubs use (checked against the struct by the Libc self-check).
        public const int MessageRegistersOffset = 32;
        public const int ReceivedTagOffset = 864;
        public const int ReceivedBadgeOffset = 872;
        public const int MemoryReceiveWindowOffset = 880;

        public ulong Self;
        public ulong ThreadId;
        public ulong TaskId;
        /// <summary>The thread's own runtime state, kept by Libc, never read by the kernel (bit 0: exception dispatch is walking this thread's stack).</summary>
        public ulong RuntimeState;
        public fixed ulong MessageRegisters[MessageRegisterCount];

        /// <summary>Filled by the kernel when this thread faults in a task with a fault handler (TaskSetFaultHandler).</summary>
        public FaultRecord Fault;

        /// <summary>Where this thread accepts capabilities it receives (a <see cref="Ipc.CapabilityReceiveWindow"/> word; 0 accepts none). Read by the kernel at delivery.</summary>
        public ulong CapabilityReceiveWindow;

        /// <summary>How many of <see cref="StringReceiveBuffers"/> are declared (0 to <see cref="StringReceiveBufferCapacity"/>).</summary>
        public ulong StringReceiveBufferCount;

        /// <summary>Up to 8 <see cref="Ipc.StringReceiveBuffer"/>s, two words each: the n-th string item received goes to the n-th buffer.</summary>
        public fixed ulong StringReceiveBuffers[2 * StringReceiveBufferCapacity];

        /// <summary>The tag of the last message received (stored by Libc's IPC stub from rsi; the kernel does not read it).</summary>
        public ulong ReceivedTag;

        /// <summary>The badge of the last message received, or a notification's bits (stored by Libc's IPC stub from rdi).</summary>
        public ulong ReceivedBadge;

        /// <summary>
        /// Where this thread accepts mappings it receives by map and grant items: a <see cref="Ipc.Flexpage"/> word (rights
        /// ignored), 0 accepts none. Read by the kernel at delivery; a page-fault reply ignores it (its window is the whole user half).
        /// </summary>
        public ulong MemoryReceiveWindow;
    }

    /// <summary>A thread's user registers as the kernel saved them (at a fault, a preemption or a system call).</summary>
    public struct UserRegisters
    {
        public ulong Rip;
        public ulong Rsp;
        public ulong Rflags;
        public ulong Rax;
        public ulong Rbx;
        public ulong Rcx;
        public ulong Rdx;
        public ulong Rsi;
        public ulong Rdi;
        public ulong Rbp;
        public ulong R8;
        public ulong R9;
        public ulong R10;
        public ulong R11;
        public ulong R12;
        public ulong R13;
        public ulong R14;
        public ulong R15;
    }

    /// <summary>
    /// A CPU exception taken in ring 3 and handed to the task's fault handler, in the faulting thread's UTCB. The kernel
    /// sets <see cref="Pending"/> to 1 when it delivers a fault; the handler clears it once it has copied the record. A
    /// fault that arrives while Pending is still 1 (the handler itself faulted) ends the task, as a fault in a task
    /// without a handler does.
    /// </summary>
    public struct FaultRecord
    {
        public ulong Pending;
        /// <summary>The CPU exception vector (0 #DE, 6 #UD, 13 #GP, 14 #PF, ...).</summary>
        public ulong Vector;
        public ulong ErrorCode;
        /// <summary>For a page fault the address that faulted (CR2); otherwise 0.</summary>
        public ulong Address;
        /// <summary>The registers at the faulting instruction (Rip is that instruction).</summary>
        public UserRegisters Registers;
    }

    /// <summary>One thread of the calling task as ThreadsSuspend reports it.</summary>
    public struct SuspendedThread
    {
        /// <summary>Registers holds the thread's user registers (it had run in ring 3).</summary>
        public const ulong HasRegistersFlag = 1;
        /// <summary>The thread is inside a system call: only Rip, Rsp, Rflags and the callee-saved registers (rbx, rbp, r12-r15) are meaningful.</summary>
        public const ulong InSystemCallFlag = 2;
        /// <summary>The record is the calling thread's own (its registers are not filled in).</summary>
        public const ulong SelfFlag = 4;

        public ulong ThreadId;
        public ulong Flags;
        /// <summary>The stack pointer the thread was started with (ThreadStart's stackTop): its stack lies below.</summary>
        public ulong StackTop;
        public UserRegisters Registers;
    }
}
