namespace CosmosKernel.Memory
{
    /// <summary>The result of looking a virtual address up in a page table.</summary>
    internal readonly struct PageTranslation
    {
        /// <summary>The physical address the virtual address maps to (page frame plus offset).</summary>
        public readonly PhysicalAddress Physical;
        public readonly PageFlags Flags;
        /// <summary>Size of the page that maps it: 4 KiB, 2 MiB or 1 GiB; 0 when not mapped.</summary>
        public readonly ulong PageSize;

        public PageTranslation(PhysicalAddress physical, PageFlags flags, ulong pageSize)
        {
            Physical = physical;
            Flags = flags;
            PageSize = pageSize;
        }

        public bool IsMapped => PageSize != 0;

        public static PageTranslation NotMapped => default;
    }
}
