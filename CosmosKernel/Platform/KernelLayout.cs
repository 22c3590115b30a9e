namespace CosmosKernel.Platform
{
    /// <summary>
    /// Where the parts of the kernel image are, as the linker placed them (kernel.ld) plus the stacks and the
    /// trap stub table from the assembly files. Filled by native_read_kernel_layout: the field order is the
    /// store order there. Virtual addresses unless named physical.
    /// </summary>
    internal unsafe struct KernelLayout
    {
        /// <summary>The higher-half base: virtual = physical + this for everything after the boot stub.</summary>
        public const ulong KernelVirtualBase = 0xFFFFFFFF80000000;

        public ulong PhysicalStart;
        public ulong PhysicalEnd;
        public ulong TextStart;
        public ulong TextEnd;
        public ulong ReadOnlyDataStart;
        public ulong ReadOnlyDataEnd;
        public ulong DataStart;
        public ulong VirtualEnd;
        public ulong ModulesStart;
        public ulong ModulesEnd;
        public ulong BootStackGuard;
        public ulong BootStackBottom;
        public ulong BootStackTop;
        public ulong PrivilegeStackBottom;
        public ulong PrivilegeStackTop;
        public ulong DoubleFaultStackBottom;
        public ulong DoubleFaultStackTop;
        public ulong TrapStubTable;
        public ulong SystemCallEntry;
        /// <summary>The task-state segment's storage (Interrupts/trap_entry.asm).</summary>
        public ulong TaskStateSegment;
        public ulong UserThreadFirstEntry;

        /// <summary>Reads the layout from the linker's symbols.</summary>
        public static KernelLayout Read()
        {
            KernelLayout layout;
            Native.ReadKernelLayout(&layout);
            return layout;
        }

        /// <summary>True when <paramref name="address"/> lies in the kernel's code.</summary>
        public readonly bool IsInText(ulong address) => address >= TextStart && address < TextEnd;

        /// <summary>True when [address, address + length) lies inside one of the kernel's own stacks.</summary>
        public readonly bool IsOnKernelStack(ulong address, ulong length)
        {
            return IsInside(address, length, BootStackBottom, BootStackTop)
                || IsInside(address, length, PrivilegeStackBottom, PrivilegeStackTop)
                || IsInside(address, length, DoubleFaultStackBottom, DoubleFaultStackTop);
        }

        private static bool IsInside(ulong address, ulong length, ulong bottom, ulong top) => address >= bottom && address <= top && length <= top - address;
    }
}
