namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// The requests pagertest's programs send their pager besides page faults: calls on the send right a program finds in
    /// its slot 254 (WellKnownSlots.Pager), whose badge tells the pager which client asks. The reply's label is 0 for
    /// success, 1 for a refusal.
    /// </summary>
    internal static class PagerControlProtocol
    {
        /// <summary>
        /// Take back pages of the caller at their source: words 0 the count n (at most <see cref="MaximumRevokedPages"/>),
        /// 1 … n the caller's page addresses. A pager whose pages are themselves paged forwards the request to its own pager
        /// with the pages that back them; the top pager unmaps its pages (MemoryUnmap, its own kept), which removes every
        /// mapping derived from them. Reply word 0: the pages revoked.
        /// </summary>
        public const uint Revoke = 0x100;

        /// <summary>Reply words 0 the page faults the pager served, 1 those at an address it had served before (a page taken back), 2 pages granted to it.</summary>
        public const uint Statistics = 0x101;

        /// <summary>A grant item (the caller's page leaves it) into the pager's grant window; word 0 the page's address in the caller.</summary>
        public const uint Grant = 0x102;

        /// <summary>The pager answers and then ends its task.</summary>
        public const uint EndPager = 0x103;

        public const uint SuccessLabel = 0;
        public const uint RefusedLabel = 1;

        public const int MaximumRevokedPages = 32;
    }
}
