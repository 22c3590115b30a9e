namespace Cosmos.Api
{
    /// <summary>
    /// The fixed addresses of a task's lower half (the user half), shared by the kernel and Libc. Everything
    /// a program can map lies in [<see cref="MappableStart"/>, <see cref="MappableEnd"/>); above that the
    /// kernel places the UTCBs and the kernel information page. The last pages below the canonical hole stay
    /// unmapped, so a `syscall` can never return to a non-canonical address.
    /// </summary>
    public static class UserLayout
    {
        public const ulong PageSize = 4096;

        /// <summary>Page 0 stays unmapped: a null dereference faults.</summary>
        public const ulong MappableStart = 0x10000;

        /// <summary>Where programs are linked (Libc/Program.ld).</summary>
        public const ulong ProgramBase = 0x400000;

        /// <summary>Start of the address range reserved for a program's heap (<see cref="ProgramHeapReservation"/> bytes).</summary>
        public const ulong HeapBase = 0x0000001000000000;

        /// <summary>The heap's reserved range: Libc maps and unmaps pages inside it as the heap grows and shrinks.</summary>
        public const ulong ProgramHeapReservation = 1UL << 30;

        /// <summary>Where the kernel maps the boot modules, read-only, into the root task.</summary>
        public const ulong BootModuleBase = 0x00007E0000000000;

        /// <summary>Top of the first thread's stack region (the stack grows down from here).</summary>
        public const ulong StackTop = 0x00007FFE00000000;

        /// <summary>
        /// Bytes at <see cref="HeapBase"/> the kernel maps for the root task before it starts (the programs the root task
        /// starts get none mapped: their heap maps its pages on demand).
        /// </summary>
        public const ulong ProgramHeapSize = 4 * 1024 * 1024;

        /// <summary>Size of the first thread's stack region below <see cref="StackTop"/>.</summary>
        public const ulong ProgramStackSize = 256 * 1024;

        /// <summary>The top of the stack region holds the ProgramStartInfo, the module list (root task) and the command line.</summary>
        public const ulong StartInformationSize = 8 * 1024;

        /// <summary>Where the ProgramStartInfo is; the first thread's stack pointer starts just below it.</summary>
        public const ulong StartInformationAddress = StackTop - StartInformationSize;

        /// <summary>End (exclusive) of what a task may map; the kernel's own user-visible pages follow.</summary>
        public const ulong MappableEnd = 0x00007FFF00000000;

        /// <summary>UTCB of the thread in thread-table slot s: UtcbBase + s * PageSize.</summary>
        public const ulong UtcbBase = 0x00007FFF00000000;

        /// <summary>The read-only kernel information page, the same in every task.</summary>
        public const ulong KernelInformationAddress = 0x00007FFFFFFFE000;

        /// <summary>End (exclusive) of the canonical lower half.</summary>
        public const ulong UserSpaceEnd = 0x0000800000000000;

        public static bool IsMappableRange(ulong address, ulong length)
        {
            return address >= MappableStart && address < MappableEnd && length <= MappableEnd - address;
        }
    }
}
