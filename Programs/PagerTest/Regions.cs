namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Where pagertest's parts put things in their own address spaces, clear of the image, the heap's reserved range
    /// (UserLayout.HeapBase, 1 GiB) and the stack.
    /// </summary>
    internal static class Regions
    {
        /// <summary>A pager's pool of pages (<see cref="PagePool"/>); aligned to the sigma0 block size.</summary>
        public const ulong PoolBase = 0x0000_0020_0000_0000;
        public const ulong PoolPages = 1UL << 18;

        /// <summary>The pages a client touches to be paged.</summary>
        public const ulong TestRegion = 0x0000_0030_0000_0000;

        /// <summary>Where a pager receives granted pages (one page).</summary>
        public const ulong GrantWindow = 0x0000_0050_0000_0000;

        /// <summary>Where pages are mapped into a child task for the quota scenario and the map/unmap benchmark.</summary>
        public const ulong ChildDestination = 0x0000_0000_4000_0000;

        /// <summary>Sigma0 scenario's receive windows.</summary>
        public const ulong Sigma0Window = 0x0000_0060_0000_0000;
    }
}
