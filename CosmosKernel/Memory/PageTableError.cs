namespace CosmosKernel.Memory
{
    /// <summary>Why a page-table operation failed (None: it did not).</summary>
    internal enum PageTableError
    {
        None,
        /// <summary>An address not aligned to the page size of the operation.</summary>
        NotAligned,
        /// <summary>A virtual address the CPU cannot use (bits 63..47 not all equal).</summary>
        NotCanonical,
        /// <summary>The virtual page is already mapped.</summary>
        AlreadyMapped,
        /// <summary>Nothing is mapped at the virtual address.</summary>
        NotMapped,
        /// <summary>The frame allocator had no frame for a new table.</summary>
        OutOfMemory,
        /// <summary>A larger page already maps the region where a smaller page or a table was expected.</summary>
        LargePageInTheWay,
        /// <summary>A table frame lies outside the physical-memory window, so it cannot be edited.</summary>
        TableOutsideWindow,
    }

    /// <summary>Human-readable descriptions of <see cref="PageTableError"/> (string literals: no allocation).</summary>
    internal static class PageTableErrors
    {
        public static string Describe(PageTableError error)
        {
            switch (error)
            {
                case PageTableError.None: return "no error";
                case PageTableError.NotAligned: return "address not aligned to the page size";
                case PageTableError.NotCanonical: return "virtual address is not canonical";
                case PageTableError.AlreadyMapped: return "virtual page already mapped";
                case PageTableError.NotMapped: return "virtual address not mapped";
                case PageTableError.OutOfMemory: return "no physical frame for a page table";
                case PageTableError.LargePageInTheWay: return "a large page already covers the address";
                case PageTableError.TableOutsideWindow: return "page table frame outside the physical memory window";
                default: return "unknown page table error";
            }
        }
    }
}
