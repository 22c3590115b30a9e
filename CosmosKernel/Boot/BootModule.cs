using CosmosKernel.Memory;

namespace CosmosKernel.Boot
{
    /// <summary>A file the boot loader loaded next to the kernel (multiboot2 module tag): where it is and its string.</summary>
    internal readonly struct BootModule
    {
        /// <summary>The module's bytes [Start, End).</summary>
        public readonly PhysicalRange Range;
        /// <summary>The module's string (GRUB: the words after the file name on the module2 line).</summary>
        public readonly PhysicalAddress StringAddress;
        public readonly int StringLength;

        public BootModule(PhysicalRange range, PhysicalAddress stringAddress, int stringLength)
        {
            Range = range;
            StringAddress = stringAddress;
            StringLength = stringLength;
        }
    }
}
