using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// A general-purpose allocator that can free. Small blocks (up to <see cref="LargestSmallBlock"/> bytes)
    /// come from per-size-class free lists carved out of 64 KiB chunks; larger blocks are page runs taken
    /// directly from the page source and given back to it when freed. Every block has an 8-byte header that
    /// records its size class (or, for large blocks, its page count) so Free needs only the address.
    /// The heap gets its memory from a page source supplied by the environment (the kernel's frame allocator,
    /// a ring-3 program's region, or host memory in tests). Not thread-safe: callers serialise.
    /// </summary>
    public unsafe struct Heap
    {
        public const int PageSize = 4096;
        public const int ChunkSize = 64 * 1024;
        public const int LargestSmallBlock = 2048;
        private const int HeaderSize = 8;
        private const int SizeClassCount = 24;
        private const ulong LargeBlockMarker = 0x4C41524700000000; // "LARG" in the high half
        private const ulong SmallBlockMarker = 0x534D414C00000000; // "SMAL" in the high half
        private const ulong FreeBlockMarker = 0x46524545_00000000; // "FREE" in the high half
        private const ulong MarkerMask = 0xFFFFFFFF00000000;

        /// <summary>Takes a page-aligned region of the given size in bytes (a multiple of the page size); null when exhausted.</summary>
        private delegate*<nuint, void*> _allocatePages;

        /// <summary>Gives back a region previously returned by the page source.</summary>
        private delegate*<void*, nuint, void> _freePages;

        private fixed ulong _freeLists[SizeClassCount];
        private byte* _chunkCursor;
        private byte* _chunkEnd;

        private ulong _bytesInUse;
        private ulong _bytesFromPageSource;
        private ulong _allocationCount;
        private ulong _freeCount;

        public void Initialize(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            _allocatePages = allocatePages;
            _freePages = freePages;
            for (int i = 0; i < SizeClassCount; i++)
            {
                _freeLists[i] = 0;
            }
            _chunkCursor = null;
            _chunkEnd = null;
            _bytesInUse = 0;
            _bytesFromPageSource = 0;
            _allocationCount = 0;
            _freeCount = 0;
        }

        public bool IsInitialized => _allocatePages != null;

        /// <summary>Bytes handed out to callers and not yet freed (block payloads rounded up to their size class).</summary>
        public ulong BytesInUse => _bytesInUse;

        /// <summary>Bytes the heap holds from its page source (chunks and large blocks).</summary>
        public ulong BytesFromPageSource => _bytesFromPageSource;

        public ulong AllocationCount => _allocationCount;

        public ulong FreeCount => _freeCount;

        /// <summary>Allocates a zeroed block of at least <paramref name="size"/> bytes, 8-byte aligned. Null when out of memory.</summary>
        public void* Allocate(nuint size)
        {
            if (size == 0)
            {
                size = 1;
            }
            if (size > LargestSmallBlock)
            {
                return AllocateLarge(size);
            }
            int sizeClass = SizeClassOf(size);
            int blockSize = BlockSizeOf(sizeClass);
            ulong* header = (ulong*)_freeLists[sizeClass];
            if (header != null)
            {
                _freeLists[sizeClass] = *(ulong*)(header + 1);
            }
            else
            {
                header = (ulong*)CarveFromChunk(HeaderSize + blockSize);
                if (header == null)
                {
                    return null;
                }
            }
            *header = SmallBlockMarker | (uint)sizeClass;
            byte* payload = (byte*)(header + 1);
            ZeroMemory(payload, (nuint)blockSize);
            _bytesInUse += (ulong)blockSize;
            _allocationCount++;
            return payload;
        }

        /// <summary>Frees a block returned by Allocate. A pointer that is not a live block ends in a fatal error.</summary>
        public void Free(void* block)
        {
            if (block == null)
            {
                return;
            }
            ulong* header = (ulong*)block - 1;
            ulong marker = *header & MarkerMask;
            if (marker == SmallBlockMarker)
            {
                int sizeClass = (int)(uint)*header;
                if (sizeClass >= SizeClassCount)
                {
                    FatalError.Fail("heap: corrupt block header passed to Free");
                }
                *header = FreeBlockMarker | (uint)sizeClass;
                *(ulong*)block = _freeLists[sizeClass];
                _freeLists[sizeClass] = (ulong)header;
                _bytesInUse -= (ulong)BlockSizeOf(sizeClass);
                _freeCount++;
                return;
            }
            if (marker == LargeBlockMarker)
            {
                nuint pages = (nuint)(uint)*header;
                *header = 0;
                byte* region = (byte*)header - (PageSize - HeaderSize);
                nuint bytes = pages * PageSize;
                _bytesInUse -= (ulong)(bytes - PageSize);
                _bytesFromPageSource -= (ulong)bytes;
                _freeCount++;
                _freePages(region, bytes);
                return;
            }
            if (marker == FreeBlockMarker)
            {
                FatalError.Fail("heap: block freed twice");
            }
            FatalError.Fail("heap: Free of a pointer that was not allocated by this heap");
        }

        /// <summary>The usable size of a live block.</summary>
        public nuint UsableSize(void* block)
        {
            ulong header = *((ulong*)block - 1);
            if ((header & MarkerMask) == LargeBlockMarker)
            {
                return (nuint)(uint)header * PageSize - PageSize;
            }
            return (nuint)BlockSizeOf((int)(uint)header);
        }

        // Large blocks: a run of pages whose first page holds only the header (at its end), so the payload
        // starts page-aligned and whole pages go back to the page source on Free.
        private void* AllocateLarge(nuint size)
        {
            nuint payloadPages = (size + PageSize - 1) / PageSize;
            nuint pages = payloadPages + 1;
            if (pages > 0xFFFFFFFF)
            {
                return null;
            }
            byte* region = (byte*)_allocatePages(pages * PageSize);
            if (region == null)
            {
                return null;
            }
            byte* payload = region + PageSize;
            ulong* header = (ulong*)payload - 1;
            *header = LargeBlockMarker | (uint)pages;
            ZeroMemory(payload, payloadPages * PageSize);
            _bytesInUse += (ulong)(payloadPages * PageSize);
            _bytesFromPageSource += (ulong)(pages * PageSize);
            _allocationCount++;
            return payload;
        }

        private byte* CarveFromChunk(int bytes)
        {
            if (_chunkCursor == null || _chunkCursor + bytes > _chunkEnd)
            {
                byte* chunk = (byte*)_allocatePages(ChunkSize);
                if (chunk == null)
                {
                    return null;
                }
                _bytesFromPageSource += ChunkSize;
                _chunkCursor = chunk;
                _chunkEnd = chunk + ChunkSize;
            }
            byte* result = _chunkCursor;
            _chunkCursor += bytes;
            return result;
        }

        // Size classes: 16..128 in steps of 16, then four classes per power of two up to 2048.
        internal static int SizeClassOf(nuint size)
        {
            if (size <= 128)
            {
                return (int)((size + 15) >> 4) - 1;
            }
            int sizeClass = 8;
            int classSize = 160;
            while ((nuint)classSize < size)
            {
                sizeClass++;
                classSize = BlockSizeOf(sizeClass);
            }
            return sizeClass;
        }

        internal static int BlockSizeOf(int sizeClass)
        {
            if (sizeClass < 8)
            {
                return (sizeClass + 1) * 16;
            }
            int group = (sizeClass - 8) / 4;
            int step = (sizeClass - 8) % 4;
            int powerOfTwo = 128 << group;
            return powerOfTwo + (step + 1) * (powerOfTwo / 4);
        }

        private static void ZeroMemory(byte* destination, nuint length)
        {
            ulong* words = (ulong*)destination;
            nuint count = length / 8;
            for (nuint i = 0; i < count; i++)
            {
                words[i] = 0;
            }
            for (nuint i = count * 8; i < length; i++)
            {
                destination[i] = 0;
            }
        }
    }
}
