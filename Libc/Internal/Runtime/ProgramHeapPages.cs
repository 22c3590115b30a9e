using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Internal.Runtime
{
    /// <summary>
    /// The page source behind a ring-3 program's heap: page runs inside the address range reserved for the heap
    /// (ProgramStartInfo.HeapStart/HeapSize, 1 GiB at UserLayout.HeapBase). A page the heap starts to use is touched (one
    /// word written): the fault goes to the task's pager, which maps a zeroed page there (the root task's region pager for
    /// programs; sigma0 for the root task beyond the 4 MiB the kernel maps). A bitmap (one bit per page) records which
    /// pages the heap uses and another which are mapped; up to <see cref="RetainedBytes"/> of freed pages stay mapped for
    /// reuse, so a program that allocates and collects in a steady rhythm does not fault the same pages in each time.
    /// Freed runs beyond that are given back to the pager with a RegionPagerProtocol.Release call through
    /// WellKnownSlots.Pager, if that slot holds a send right (tasks without one, the root task and sigma0, keep them
    /// mapped). Pages the loader mapped before start (ProgramStartInfo.HeapMappedBytes) count as mapped. Called with the
    /// heap lock held.
    /// </summary>
    internal static unsafe class ProgramHeapPages
    {
        private const ulong PageSize = UserLayout.PageSize;
        private const int BitmapWords = (int)(UserLayout.ProgramHeapReservation / UserLayout.PageSize / 64);

        /// <summary>Freed pages kept mapped, at most (beyond this they go back to the kernel).</summary>
        public const ulong RetainedBytes = 2 * 1024 * 1024;

        private struct PageBitmap
        {
            public fixed ulong Words[BitmapWords];
        }

        private static PageBitmap s_used;
        private static PageBitmap s_mapped;
        private static ulong s_start;
        private static ulong s_pageCount;
        private static ulong s_searchStart;
        private static ulong s_mappedFreeBytes;
        private static ulong s_mappedBytes;
        private static PagerState s_pager;

        private enum PagerState
        {
            Unknown,
            Present,
            Absent,
        }

        /// <summary>Bytes of the heap range that are mapped now (in use by the heap or retained).</summary>
        public static ulong MappedBytes => s_mappedBytes;

        public static void Initialize(ulong start, ulong size, ulong premappedBytes)
        {
            s_start = (start + PageSize - 1) & ~(PageSize - 1);
            ulong end = (start + size) & ~(PageSize - 1);
            s_pageCount = end > s_start ? (end - s_start) / PageSize : 0;
            if (s_pageCount > (ulong)BitmapWords * 64)
            {
                s_pageCount = (ulong)BitmapWords * 64;
            }
            ulong premappedPages = premappedBytes / PageSize;
            for (ulong page = 0; page < premappedPages && page < s_pageCount; page++)
            {
                SetBit(ref s_mapped, page, true);
                s_mappedFreeBytes += PageSize;
                s_mappedBytes += PageSize;
            }
        }

        /// <summary>A page-aligned run of <paramref name="bytes"/> (a multiple of the page size), mapped; null when the range or memory is exhausted.</summary>
        public static void* Allocate(nuint bytes)
        {
            ulong pages = ((ulong)bytes + PageSize - 1) / PageSize;
            if (pages == 0 || pages > s_pageCount)
            {
                return null;
            }
            ulong first = FindFreeRun(pages, s_searchStart);
            if (first == ulong.MaxValue && s_searchStart != 0)
            {
                first = FindFreeRun(pages, 0);
            }
            if (first == ulong.MaxValue)
            {
                return null;
            }
            if (!MapRun(first, pages))
            {
                return null;
            }
            for (ulong page = first; page < first + pages; page++)
            {
                SetBit(ref s_used, page, true);
            }
            s_searchStart = first + pages < s_pageCount ? first + pages : 0;
            return (void*)(s_start + first * PageSize);
        }

        /// <summary>Gives back a run returned by Allocate.</summary>
        public static void Free(void* region, nuint bytes)
        {
            ulong first = ((ulong)region - s_start) / PageSize;
            ulong pages = (ulong)bytes / PageSize;
            if ((ulong)region < s_start || first + pages > s_pageCount || ((ulong)region & (PageSize - 1)) != 0)
            {
                FatalError.Fail("heap pages: free of a region outside the heap range");
            }
            for (ulong page = first; page < first + pages; page++)
            {
                if (!GetBit(ref s_used, page))
                {
                    FatalError.Fail("heap pages: free of pages that are not in use");
                }
                SetBit(ref s_used, page, false);
            }
            if (first < s_searchStart)
            {
                s_searchStart = first;
            }
            if (s_mappedFreeBytes + (ulong)bytes <= RetainedBytes || !GiveBack((ulong)region, (ulong)bytes))
            {
                s_mappedFreeBytes += (ulong)bytes;
                return;
            }
            for (ulong page = first; page < first + pages; page++)
            {
                SetBit(ref s_mapped, page, false);
            }
            s_mappedBytes -= (ulong)bytes;
        }

        // Asks the pager to take the run's pages back; false (the pages stay mapped) without a pager capability in
        // WellKnownSlots.Pager, or when the pager refuses (then it is not asked again). The calling thread may be in the
        // middle of composing or reading a message (a collection can start in any allocation): the message registers this
        // call changes and the received tag and badge are put back afterwards.
        private static bool GiveBack(ulong address, ulong length)
        {
            if (s_pager == PagerState.Unknown)
            {
                bool present = Capabilities.Information(WellKnownSlots.Pager, out CapabilityInformation information) == SystemCallError.None
                    && information.Kind == CapabilityKind.Port && (information.Rights & CapabilityRights.Send) != 0 && !information.IsStale;
                s_pager = present ? PagerState.Present : PagerState.Absent;
            }
            if (s_pager != PagerState.Present)
            {
                return false;
            }
            Utcb* utcb = Kernel.CurrentUtcb;
            ulong* saved = stackalloc ulong[MessageLimits.FastPathWordCount];
            for (int i = 0; i < MessageLimits.FastPathWordCount; i++)
            {
                saved[i] = utcb->MessageRegisters[i];
            }
            ulong savedTag = utcb->ReceivedTag;
            ulong savedBadge = utcb->ReceivedBadge;
            utcb->MessageRegisters[RegionPagerProtocol.AddressWord] = address;
            utcb->MessageRegisters[RegionPagerProtocol.LengthWord] = length;
            MessageTag.TryCreate(RegionPagerProtocol.Release, RegionPagerProtocol.ReleaseWordCount, 0, MessageTagFlags.None, out MessageTag tag);
            IpcResult result = Cosmos.Api.Ipc.Ipc.Call(WellKnownSlots.Pager, tag);
            bool released = result.IsMessage && (uint)(utcb->ReceivedTag >> MessageTag.LabelShift) == (uint)RegionPagerStatus.Ok;
            for (int i = 0; i < MessageLimits.FastPathWordCount; i++)
            {
                utcb->MessageRegisters[i] = saved[i];
            }
            utcb->ReceivedTag = savedTag;
            utcb->ReceivedBadge = savedBadge;
            if (!released)
            {
                s_pager = PagerState.Absent;
            }
            return released;
        }

        // Maps the pages of [first, first + pages) that are not mapped yet by touching each: the pager maps a zeroed page at
        // the fault, so writing zero leaves it as it came. A page the pager cannot give faults the task like any bad access.
        private static bool MapRun(ulong first, ulong pages)
        {
            for (ulong page = first; page < first + pages; page++)
            {
                if (GetBit(ref s_mapped, page))
                {
                    s_mappedFreeBytes -= PageSize;
                    continue;
                }
                *(ulong*)(s_start + page * PageSize) = 0;
                SetBit(ref s_mapped, page, true);
                s_mappedBytes += PageSize;
            }
            return true;
        }

        // The first page of a run of free pages at or after start, or ulong.MaxValue.
        private static ulong FindFreeRun(ulong pages, ulong start)
        {
            ulong runStart = start;
            ulong runLength = 0;
            ulong page = start;
            while (page < s_pageCount)
            {
                if ((page & 63) == 0 && runLength == 0 && s_used.Words[page >> 6] == ulong.MaxValue)
                {
                    page += 64;
                    runStart = page;
                    continue;
                }
                if (GetBit(ref s_used, page))
                {
                    runLength = 0;
                    runStart = page + 1;
                }
                else if (++runLength == pages)
                {
                    return runStart;
                }
                page++;
            }
            return ulong.MaxValue;
        }

        private static bool GetBit(ref PageBitmap bitmap, ulong page) => (bitmap.Words[page >> 6] & (1UL << (int)(page & 63))) != 0;

        private static void SetBit(ref PageBitmap bitmap, ulong page, bool value)
        {
            if (value)
            {
                bitmap.Words[page >> 6] |= 1UL << (int)(page & 63);
            }
            else
            {
                bitmap.Words[page >> 6] &= ~(1UL << (int)(page & 63));
            }
        }
    }
}
