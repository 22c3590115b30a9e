namespace Cosmos.Api.Memory
{
    /// <summary>
    /// What the root task's region pager understands. It serves one port; every program the root task starts without a
    /// pager of its own has it as its pager (TaskSetPager) through a send right whose badge (2 or more) names the program
    /// as a client, and holds a copy of that send right in <see cref="Ipc.WellKnownSlots.Pager"/>.
    /// <list type="bullet">
    /// <item>Page faults (<see cref="PageFaultMessage"/>): a fault inside one of the client's anonymous regions (its heap
    /// reservation UserLayout.HeapBase + UserLayout.ProgramHeapReservation, its stack UserLayout.ProgramStackSize below
    /// UserLayout.StackTop) is answered with <see cref="PageFaultMessage.ResolvedLabel"/> and map items of zeroed pages of
    /// the pager's pool, read and write, never execute: the faulting page first (the same pool page again if the client
    /// was given one there before), then every other page of the fault's naturally aligned 64 KiB group in the same region
    /// that the client has not been given yet (up to 16 items), so a growing heap or stack faults once per 64 KiB. If the
    /// kernel cannot carry the items out (the client's quota), the faulting page's item is sent alone. A fault anywhere
    /// else, on a page mapped without the right the access needed, or with the pool exhausted, is answered with
    /// <see cref="PageFaultMessage.UnresolvedLabel"/>.</item>
    /// <item><see cref="Release"/>: word <see cref="AddressWord"/> a page-aligned address, word <see cref="LengthWord"/> a
    /// page-aligned non-zero length; the range must lie inside one of the caller's anonymous regions. The pager takes back
    /// every pool page it mapped to the client there (the client's mapping disappears; touching the range again faults in
    /// fresh zero pages) and keeps them for other clients. Reply: label <see cref="RegionPagerStatus.Ok"/>, word 0 the
    /// pages taken back.</item>
    /// <item><see cref="Statistics"/>: no words. Reply: label Ok, word <see cref="ClientPagesWord"/> the pages mapped to the
    /// caller, word <see cref="PoolPagesWord"/> the pool pages the pager holds (taken from sigma0), word
    /// <see cref="FreePoolPagesWord"/> those of them on its free list.</item>
    /// </list>
    /// Refusals have labels above Ok (<see cref="RegionPagerStatus"/>) and change nothing. When a client task ends, the root
    /// task gives every pool page of the client (image and start-information pages included) back to the free list; a page
    /// is zeroed before it is handed to another client.
    /// </summary>
    public static class RegionPagerProtocol
    {
        public const uint Release = 1;
        public const uint Statistics = 2;

        /// <summary>Release: the first byte of the range.</summary>
        public const int AddressWord = 0;
        /// <summary>Release: the range's length in bytes.</summary>
        public const int LengthWord = 1;
        public const int ReleaseWordCount = 2;

        /// <summary>Release's reply: how many pool pages were taken back.</summary>
        public const int ReleasedPagesWord = 0;

        /// <summary>Statistics' reply: the pool pages mapped to the caller.</summary>
        public const int ClientPagesWord = 0;
        /// <summary>Statistics' reply: all pool pages the pager holds.</summary>
        public const int PoolPagesWord = 1;
        /// <summary>Statistics' reply: pool pages on the free list.</summary>
        public const int FreePoolPagesWord = 2;
        public const int StatisticsWordCount = 3;

        /// <summary>Badges below this are never a client's (0 is an unbadged capability).</summary>
        public const ulong FirstClientBadge = 2;
    }

    /// <summary>The label of the region pager's reply to <see cref="RegionPagerProtocol.Release"/> and <see cref="RegionPagerProtocol.Statistics"/>.</summary>
    public enum RegionPagerStatus : uint
    {
        Ok = 0,
        /// <summary>The word or item count does not fit the label.</summary>
        BadRequest = 1,
        /// <summary>Release of a range that is not page-aligned, empty, or not inside one of the caller's anonymous regions.</summary>
        InvalidRange = 2,
        /// <summary>The request came through a capability that names no live client (unbadged, or its task has ended).</summary>
        UnknownClient = 3,
        /// <summary>A label the pager does not know.</summary>
        UnknownRequest = 4,
        /// <summary>Client side only: the call itself failed (no pager capability, or the pager is gone).</summary>
        PagerUnreachable = 5,
    }
}
