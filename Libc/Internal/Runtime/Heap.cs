using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// A non-moving allocator that can free explicitly (the kernel) and be swept by a collector (ring-3 programs).
    /// Small blocks (up to <see cref="LargestSmallBlock"/> bytes) come from 64 KiB chunks that each hold one size class
    /// (<see cref="HeapChunk"/>); larger ones are page runs of their own. Every region is listed in a sorted
    /// <see cref="HeapSegmentDirectory"/>, so any address — an interior pointer found on a stack included — maps to its
    /// block. The first word of every small block says what it is: 0 for an object (it is the object's header word),
    /// <see cref="RawBlockMarker"/> for raw memory (whose payload follows that word), <see cref="FreeBlockMarker"/> for a
    /// free block (the next word links the size class's free list). The memory comes from a page source supplied by the
    /// environment (the kernel's frame allocator, a program's reserved range, host memory in tests). Not thread-safe:
    /// callers serialise (<see cref="ManagedHeap"/> holds a lock).
    /// </summary>
    public unsafe struct Heap
    {
        public const int PageSize = 4096;
        public const int ChunkSize = 64 * 1024;
        public const int LargestSmallBlock = 2048;
        public const int SizeClassCount = 24;
        public const ulong FreeBlockMarker = 0xF4EEB10CF4EEB10C;
        public const ulong RawBlockMarker = 0x52415742_52415742; // "RAWB" twice
        private const int RawHeaderSize = 8;

        private delegate*<nuint, void*> _allocatePages;
        private delegate*<void*, nuint, void> _freePages;

        private HeapSegmentDirectory _directory;
        private fixed ulong _freeLists[SizeClassCount];
        private fixed ulong _carvingChunks[SizeClassCount];

        private ulong _bytesInUse;
        private ulong _bytesFromPageSource;
        private ulong _peakBytesFromPageSource;
        private ulong _allocationCount;
        private ulong _freeCount;
        private ulong _bytesAllocated;
        private ulong _fastPathLimit;

        /// <summary>
        /// Sets up an empty heap. <paramref name="allocatePages"/> takes a byte count (a multiple of the page size) and
        /// returns page-aligned memory or null; <paramref name="freePages"/> gives back exactly such a region.
        /// </summary>
        public void Initialize(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            this = default;
            _allocatePages = allocatePages;
            _freePages = freePages;
            _fastPathLimit = ulong.MaxValue;
        }

        /// <summary>
        /// Once <see cref="BytesAllocated"/> reaches <paramref name="bytesAllocated"/>, <see cref="TryAllocateObjectFast"/>
        /// declines, so the caller's slow path runs (where a collector checks whether a collection is due).
        /// </summary>
        public void SetFastPathLimit(ulong bytesAllocated) => _fastPathLimit = bytesAllocated;

        /// <summary>
        /// The common case of <see cref="AllocateObject"/>, small enough to inline: an object of at most 128 bytes from a
        /// non-empty free list while under the fast-path limit. Null when any of that does not hold (then call AllocateObject).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte* TryAllocateObjectFast(nuint size)
        {
            if (size > 128 || size < 16 || _bytesAllocated >= _fastPathLimit)
            {
                return null;
            }
            int sizeClass = (int)((size + 15) >> 4) - 1;
            ulong* block = (ulong*)_freeLists[sizeClass];
            if (block == null || *block != FreeBlockMarker)
            {
                return null; // an empty list, or a corrupt one, which the slow path reports
            }
            _freeLists[sizeClass] = block[1];
            int words = (sizeClass + 1) * 2;
            for (int i = 0; i < words; i++)
            {
                block[i] = 0;
            }
            ulong blockSize = (ulong)words * 8;
            _bytesInUse += blockSize;
            _bytesAllocated += blockSize;
            _allocationCount++;
            return (byte*)block;
        }

        public bool IsInitialized => _allocatePages != null;

        /// <summary>Bytes of blocks handed out and not yet freed (whole blocks: size classes, large blocks' pages).</summary>
        public ulong BytesInUse => _bytesInUse;

        /// <summary>Bytes the heap holds from its page source (chunks, large blocks and its directory).</summary>
        public ulong BytesFromPageSource => _bytesFromPageSource;

        /// <summary>The most <see cref="BytesFromPageSource"/> has ever been.</summary>
        public ulong PeakBytesFromPageSource => _peakBytesFromPageSource;

        public ulong AllocationCount => _allocationCount;

        /// <summary>Blocks freed, explicitly or by a sweep.</summary>
        public ulong FreeCount => _freeCount;

        /// <summary>Bytes of blocks handed out since the heap was initialised (never decreases).</summary>
        public ulong BytesAllocated => _bytesAllocated;

        /// <summary>Allocates zeroed raw memory of at least <paramref name="size"/> bytes, 8-byte aligned. Null when out of memory.</summary>
        public void* Allocate(nuint size)
        {
            if (size <= LargestSmallBlock - RawHeaderSize)
            {
                byte* block = AllocateSmall(size + RawHeaderSize);
                if (block == null)
                {
                    return null;
                }
                *(ulong*)block = RawBlockMarker;
                return block + RawHeaderSize;
            }
            return AllocateLarge(size, HeapSegmentKind.LargeRaw);
        }

        /// <summary>
        /// Allocates a zeroed block of at least <paramref name="size"/> bytes for an object: its first word (the object
        /// header) is 0 and the caller writes the MethodTable pointer into the second before anyone else can see it.
        /// Null when out of memory.
        /// </summary>
        public byte* AllocateObject(nuint size)
        {
            if (size < 16)
            {
                size = 16;
            }
            if (size <= LargestSmallBlock)
            {
                return AllocateSmall(size);
            }
            return AllocateLarge(size, HeapSegmentKind.LargeObject);
        }

        /// <summary>Frees raw memory returned by Allocate. Anything else (a second free, a foreign pointer) is a fatal error.</summary>
        public void Free(void* payload)
        {
            if (payload == null)
            {
                return;
            }
            HeapSegment* segment = _directory.Find((nuint)payload);
            if (segment != null && segment->Kind == HeapSegmentKind.LargeRaw && segment->Start == payload)
            {
                FreeLarge(segment);
                return;
            }
            FreeSmall(segment, (byte*)payload - RawHeaderSize, RawBlockMarker);
        }

        /// <summary>Frees an object's block returned by AllocateObject. Anything else is a fatal error.</summary>
        public void FreeObject(byte* block)
        {
            HeapSegment* segment = _directory.Find((nuint)block);
            if (segment != null && segment->Kind == HeapSegmentKind.LargeObject && segment->Start == block)
            {
                FreeLarge(segment);
                return;
            }
            FreeSmall(segment, block, 0);
        }

        /// <summary>The usable size of live raw memory returned by Allocate.</summary>
        public nuint UsableSize(void* payload)
        {
            HeapSegment* segment = _directory.Find((nuint)payload);
            if (segment == null)
            {
                FatalError.Fail("heap: UsableSize of a pointer that was not allocated by this heap");
            }
            if (segment->Kind != HeapSegmentKind.Chunk)
            {
                return segment->Bytes;
            }
            return (nuint)((HeapChunk*)segment->Start)->BlockSize - RawHeaderSize;
        }

        /// <summary>
        /// The block of the allocated object that contains <paramref name="address"/> (anywhere inside it), or null when
        /// the address is not inside an object of this heap (free blocks, raw memory and foreign memory are not).
        /// </summary>
        public byte* FindObject(nuint address) => Locate(address, out _, out _, out _);

        /// <summary>
        /// Marks the object containing <paramref name="address"/> as reachable. Returns its block when it was not marked
        /// before (the caller then traces its fields), null when it was, or when the address is not inside an object.
        /// </summary>
        public byte* MarkObjectContaining(nuint address)
        {
            byte* block = Locate(address, out HeapSegment* segment, out HeapChunk* chunk, out int index);
            if (block == null)
            {
                return null;
            }
            if (chunk == null)
            {
                if (segment->Marked != 0)
                {
                    return null;
                }
                segment->Marked = 1;
                return block;
            }
            return chunk->TrySetMark(index) ? block : null;
        }

        // The object block containing an address, with its segment and, for a small object, its chunk and index there
        // (chunk null: a large object, whose mark is the segment's).
        private byte* Locate(nuint address, out HeapSegment* segment, out HeapChunk* chunk, out int index)
        {
            chunk = null;
            index = -1;
            segment = _directory.Find(address);
            if (segment == null)
            {
                return null;
            }
            if (segment->Kind == HeapSegmentKind.LargeObject)
            {
                return segment->Start;
            }
            if (segment->Kind != HeapSegmentKind.Chunk)
            {
                return null;
            }
            HeapChunk* candidate = (HeapChunk*)segment->Start;
            index = candidate->IndexOf(address);
            if (index < 0)
            {
                return null;
            }
            byte* block = candidate->BlockAt(index);
            if (*(ulong*)block != 0 || *(ulong*)(block + 8) == 0)
            {
                return null;
            }
            chunk = candidate;
            return block;
        }

        /// <summary>True when the object whose block is <paramref name="block"/> is marked (for tests and checks).</summary>
        public bool IsMarked(byte* block)
        {
            HeapSegment* segment = _directory.Find((nuint)block);
            if (segment == null)
            {
                return false;
            }
            if (segment->Kind == HeapSegmentKind.LargeObject)
            {
                return segment->Marked != 0;
            }
            HeapChunk* chunk = (HeapChunk*)segment->Start;
            int index = chunk->IndexOf((nuint)block);
            return index >= 0 && chunk->IsMarked(index);
        }

        /// <summary>
        /// After marking: frees every object that is not marked, clears the marks, rebuilds the free lists chunk by chunk
        /// and gives every chunk without a live block back to the page source. Raw memory is kept. Returns the bytes freed.
        /// </summary>
        public ulong Sweep()
        {
            ulong freedBytes = 0;
            for (int sizeClass = 0; sizeClass < SizeClassCount; sizeClass++)
            {
                _freeLists[sizeClass] = 0;
            }
            for (int i = _directory.Count - 1; i >= 0; i--)
            {
                HeapSegment* segment = _directory.At(i);
                if (segment->Kind == HeapSegmentKind.Chunk)
                {
                    freedBytes += SweepChunk(i, (HeapChunk*)segment->Start);
                }
                else if (segment->Kind == HeapSegmentKind.LargeObject)
                {
                    if (segment->Marked != 0)
                    {
                        segment->Marked = 0;
                    }
                    else
                    {
                        freedBytes += segment->Bytes;
                        FreeLarge(segment);
                    }
                }
            }
            return freedBytes;
        }

        private ulong SweepChunk(int segmentIndex, HeapChunk* chunk)
        {
            int blockSize = chunk->BlockSize;
            ulong freedBytes = 0;
            int liveBlocks = 0;
            byte* head = null;
            byte* tail = null;
            // Downwards, pushing at the head: the list comes out in address order.
            for (int index = chunk->CarvedCount - 1; index >= 0; index--)
            {
                byte* block = chunk->BlockAt(index);
                ulong header = *(ulong*)block;
                if (header == 0)
                {
                    if (chunk->IsMarked(index))
                    {
                        liveBlocks++;
                        continue;
                    }
                    freedBytes += (ulong)blockSize;
                    _bytesInUse -= (ulong)blockSize;
                    _freeCount++;
                }
                else if (header == RawBlockMarker)
                {
                    liveBlocks++;
                    continue;
                }
                else if (header != FreeBlockMarker)
                {
                    FatalError.Fail("heap: corrupt block header found while sweeping");
                }
                *(ulong*)block = FreeBlockMarker;
                *(byte**)(block + 8) = head;
                head = block;
                if (tail == null)
                {
                    tail = block;
                }
            }
            chunk->ClearMarks();
            int sizeClass = chunk->SizeClass;
            if (liveBlocks == 0)
            {
                if (_carvingChunks[sizeClass] == (ulong)chunk)
                {
                    _carvingChunks[sizeClass] = 0;
                }
                _directory.RemoveAt(segmentIndex);
                GivePages(chunk, ChunkSize);
                return freedBytes;
            }
            if (head != null)
            {
                *(ulong*)(tail + 8) = _freeLists[sizeClass];
                _freeLists[sizeClass] = (ulong)head;
            }
            return freedBytes;
        }

        private byte* AllocateSmall(nuint size)
        {
            int sizeClass = SizeClassOf(size);
            int blockSize = BlockSizeOf(sizeClass);
            byte* block = (byte*)_freeLists[sizeClass];
            if (block != null)
            {
                if (*(ulong*)block != FreeBlockMarker)
                {
                    FatalError.Fail("heap: free list corrupted (a block on it was written after being freed)");
                }
                _freeLists[sizeClass] = *(ulong*)(block + 8);
            }
            else
            {
                block = Carve(sizeClass, blockSize);
                if (block == null)
                {
                    return null;
                }
            }
            ZeroMemory(block, (nuint)blockSize);
            _bytesInUse += (ulong)blockSize;
            _bytesAllocated += (ulong)blockSize;
            _allocationCount++;
            return block;
        }

        private byte* Carve(int sizeClass, int blockSize)
        {
            HeapChunk* chunk = (HeapChunk*)_carvingChunks[sizeClass];
            if (chunk == null || chunk->CarvedCount == chunk->BlockCount)
            {
                chunk = (HeapChunk*)TakePages(ChunkSize, HeapSegmentKind.Chunk);
                if (chunk == null)
                {
                    return null;
                }
                chunk->Initialize(sizeClass, blockSize);
                _carvingChunks[sizeClass] = (ulong)chunk;
            }
            return chunk->BlockAt(chunk->CarvedCount++);
        }

        private byte* AllocateLarge(nuint size, HeapSegmentKind kind)
        {
            nuint pages = (size + PageSize - 1) / PageSize;
            if (pages == 0 || pages > (nuint)int.MaxValue)
            {
                return null;
            }
            nuint bytes = pages * PageSize;
            byte* region = (byte*)TakePages(bytes, kind);
            if (region == null)
            {
                return null;
            }
            ZeroMemory(region, bytes);
            _bytesInUse += (ulong)bytes;
            _bytesAllocated += (ulong)bytes;
            _allocationCount++;
            return region;
        }

        private void FreeSmall(HeapSegment* segment, byte* block, ulong expectedHeader)
        {
            if (segment == null || segment->Kind != HeapSegmentKind.Chunk)
            {
                FatalError.Fail("heap: Free of a pointer that was not allocated by this heap");
            }
            HeapChunk* chunk = (HeapChunk*)segment->Start;
            int index = chunk->IndexOf((nuint)block);
            if (index < 0 || chunk->BlockAt(index) != block)
            {
                FatalError.Fail("heap: Free of a pointer that was not allocated by this heap");
            }
            ulong header = *(ulong*)block;
            if (header == FreeBlockMarker)
            {
                FatalError.Fail("heap: block freed twice");
            }
            if (header != expectedHeader)
            {
                FatalError.Fail(expectedHeader == 0 ? "heap: FreeObject of raw memory or a corrupt object header" : "heap: Free of an object or a corrupt block header");
            }
            *(ulong*)block = FreeBlockMarker;
            *(ulong*)(block + 8) = _freeLists[chunk->SizeClass];
            _freeLists[chunk->SizeClass] = (ulong)block;
            _bytesInUse -= (ulong)chunk->BlockSize;
            _freeCount++;
        }

        private void FreeLarge(HeapSegment* segment)
        {
            byte* region = segment->Start;
            nuint bytes = segment->Bytes;
            _directory.RemoveAt(_directory.IndexOf(segment));
            _bytesInUse -= (ulong)bytes;
            _freeCount++;
            GivePages(region, bytes);
        }

        // Takes pages for a new segment and lists it in the directory; null when the page source or the directory is out of memory.
        private void* TakePages(nuint bytes, HeapSegmentKind kind)
        {
            nuint directoryBefore = _directory.StorageBytes;
            byte* region = (byte*)_allocatePages(bytes);
            if (region == null)
            {
                return null;
            }
            if (!_directory.Insert(region, bytes, kind, _allocatePages, _freePages))
            {
                _freePages(region, bytes);
                return null;
            }
            _bytesFromPageSource += (ulong)bytes + (ulong)(_directory.StorageBytes - directoryBefore);
            if (_bytesFromPageSource > _peakBytesFromPageSource)
            {
                _peakBytesFromPageSource = _bytesFromPageSource;
            }
            return region;
        }

        private void GivePages(void* region, nuint bytes)
        {
            _bytesFromPageSource -= (ulong)bytes;
            _freePages(region, bytes);
        }

        // Size classes: 16..128 in steps of 16, then four classes per power of two up to 2048.
        internal static int SizeClassOf(nuint size)
        {
            if (size <= 128)
            {
                return size == 0 ? 0 : (int)((size + 15) >> 4) - 1;
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
