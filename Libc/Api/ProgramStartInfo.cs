namespace Cosmos.Api
{
    /// <summary>
    /// What a program's first thread finds at the address in rdi when it starts: where its heap and stack
    /// are, its ids, its command line and (for the root task) the boot modules the kernel mapped for it.
    /// Written by whoever creates the task (the kernel for the root task, the root task for the others).
    /// </summary>
    public unsafe struct ProgramStartInfo
    {
        public const ulong ExpectedMagic = 0x4F54534D534F4343; // "CCOSMSTO"

        public ulong Magic;
        /// <summary>The address range reserved for the heap: Libc maps pages inside it on demand.</summary>
        public ulong HeapStart;
        public ulong HeapSize;
        public ulong StackTop;
        public ulong StackSize;
        public ulong TaskId;
        public ulong ThreadId;
        public ulong CommandLine;        // address of ASCII text in the task
        public ulong CommandLineLength;
        public ulong Modules;            // address of BootModule[ModuleCount] (root task only)
        public ulong ModuleCount;
        /// <summary>Bytes at HeapStart the loader mapped before start (the heap uses them first).</summary>
        public ulong HeapMappedBytes;

        /// <summary>
        /// The start information of a program loaded at the standard places of <see cref="UserLayout"/> (heap, stack,
        /// this structure at UserLayout.StartInformationAddress); what both loaders (kernel and root task) write. It says
        /// the loader mapped UserLayout.ProgramHeapSize bytes of heap, as the kernel does for the root task; a loader
        /// that maps less sets <see cref="HeapMappedBytes"/> itself.
        /// </summary>
        public static ProgramStartInfo ForStandardLayout(ulong taskId, ulong threadId, ulong commandLine, ulong commandLineLength, ulong modules, ulong moduleCount)
        {
            ProgramStartInfo start = default;
            start.Magic = ExpectedMagic;
            start.HeapStart = UserLayout.HeapBase;
            start.HeapSize = UserLayout.ProgramHeapReservation;
            start.HeapMappedBytes = UserLayout.ProgramHeapSize;
            start.StackTop = UserLayout.StartInformationAddress;
            start.StackSize = UserLayout.ProgramStackSize - UserLayout.StartInformationSize;
            start.TaskId = taskId;
            start.ThreadId = threadId;
            start.CommandLine = commandLine;
            start.CommandLineLength = commandLineLength;
            start.Modules = modules;
            start.ModuleCount = moduleCount;
            return start;
        }
    }

    /// <summary>A boot module mapped read-only into the root task.</summary>
    public unsafe struct BootModule
    {
        public const int NameCapacity = 48;

        public ulong Address;
        public ulong Size;
        public fixed byte Name[NameCapacity]; // ASCII, NUL-terminated: the module's GRUB command line
    }
}
