using Cosmos.Api;

namespace Internal.Runtime
{
    /// <summary>
    /// The page source behind a ring-3 program's heap: page runs inside the address range reserved for the heap
    /// (ProgramStartInfo.HeapStart/HeapSize, 1 GiB at UserLayout.HeapBase), mapped on demand with Kernel.AllocateMemory
    /// and given back with Kernel.FreeMemory. A bitmap (one bit per page) records which pages the heap uses and another
    /// which are mapped; up to <see cref="RetainedBytes"/> of freed pages stay mapped for reuse, so a program that
    /// allocates and collects in a steady rhythm does not map and unmap the same pages each time. Pages the loader
    /// mapped before start (ProgramStartInfo.HeapMappedBytes) count as mapped. Called with the heap lock held.
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
        private static bool s_kernelCannotFree;

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
            if (s_kernelCannotFree || s_mappedFreeBytes + (ulong)bytes <= RetainedBytes)
            {
                s_mappedFreeBytes += (ulong)bytes;
                return;
            }
            SystemCallError error = Kernel.FreeMemory(0, (ulong)region, (ulong)bytes);
            if (error == SystemCallError.UnknownCall)
            {
                s_kernelCannotFree = true; // an older kernel: the pages stay mapped for reuse
                s_mappedFreeBytes += (ulong)bytes;
                return;
            }
            if (error != SystemCallError.None)
            {
                FatalError.Fail("heap pages: the kernel refused to free heap pages");
            }
            for (ulong page = first; page < first + pages; page++)
            {
                SetBit(ref s_mapped, page, false);
            }
            s_mappedBytes -= (ulong)bytes;
        }

        // Maps the pages of [first, first + pages) that are not mapped yet, in maximal runs.
        private static bool MapRun(ulong first, ulong pages)
        {
            ulong page = first;
            while (page < first + pages)
            {
                if (GetBit(ref s_mapped, page))
                {
                    s_mappedFreeBytes -= PageSize;
                    page++;
                    continue;
                }
                ulong runEnd = page;
                while (runEnd < first + pages && !GetBit(ref s_mapped, runEnd))
                {
                    runEnd++;
                }
                SystemCallError error = Kernel.AllocateMemory(0, s_start + page * PageSize, (runEnd - page) * PageSize, Kernel.MemoryWritable);
                if (error != SystemCallError.None)
                {
                    // Every page before this one is mapped now (retained or just mapped) and stays so, free.
                    s_mappedFreeBytes += (page - first) * PageSize;
                    return false;
                }
                for (ulong mapped = page; mapped < runEnd; mapped++)
                {
                    SetBit(ref s_mapped, mapped, true);
                }
                s_mappedBytes += (runEnd - page) * PageSize;
                page = runEnd;
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
