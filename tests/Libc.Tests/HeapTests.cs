using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Xunit;

namespace Libc.Tests
{
    /// <summary>The free-list allocator behind `new`, over host memory as its page source.</summary>
    [Collection("Heap")]
    public unsafe class HeapTests
    {
        private static long s_pagesOutstanding;

        private static void* AllocatePages(nuint bytes)
        {
            s_pagesOutstanding += (long)bytes;
            void* memory = NativeMemory.AlignedAlloc(bytes, 4096);
            new Span<byte>(memory, (int)bytes).Fill(0xCC); // not zeroed: the heap must zero what it hands out
            return memory;
        }

        private static void FreePages(void* pages, nuint bytes)
        {
            s_pagesOutstanding -= (long)bytes;
            NativeMemory.AlignedFree(pages);
        }

        private static Heap NewHeap()
        {
            Heap heap = default;
            heap.Initialize(&AllocatePages, &FreePages);
            return heap;
        }

        [Fact]
        public void SizeClassesCoverEverySmallSize()
        {
            for (nuint size = 1; size <= Heap.LargestSmallBlock; size++)
            {
                int sizeClass = Heap.SizeClassOf(size);
                Assert.True((nuint)Heap.BlockSizeOf(sizeClass) >= size, $"size {size} class {sizeClass}");
                if (sizeClass > 0)
                {
                    Assert.True((nuint)Heap.BlockSizeOf(sizeClass - 1) < size, $"size {size} could use a smaller class");
                }
            }
        }

        [Fact]
        public void AllocationsAreZeroedAlignedAndDisjoint()
        {
            Heap heap = NewHeap();
            List<(IntPtr Address, int Size)> blocks = new List<(IntPtr, int)>();
            Random random = new Random(7);
            for (int i = 0; i < 2000; i++)
            {
                int size = random.Next(1, 3000);
                byte* block = (byte*)heap.Allocate((nuint)size);
                Assert.True(block != null);
                Assert.Equal(0, (long)block & 7);
                for (int j = 0; j < size; j++)
                {
                    Assert.Equal(0, block[j]);
                }
                new Span<byte>(block, size).Fill((byte)i);
                blocks.Add(((IntPtr)block, size));
            }
            for (int i = 0; i < blocks.Count; i++)
            {
                byte* block = (byte*)blocks[i].Address;
                for (int j = 0; j < blocks[i].Size; j++)
                {
                    Assert.Equal((byte)i, block[j]);
                }
            }
        }

        [Fact]
        public void FreedMemoryIsReusedAndUsageReturnsToZero()
        {
            s_pagesOutstanding = 0;
            Heap heap = NewHeap();
            ulong afterFirstRound = 0;
            for (int round = 0; round < 50; round++)
            {
                List<IntPtr> blocks = new List<IntPtr>();
                for (int i = 0; i < 200; i++)
                {
                    blocks.Add((IntPtr)heap.Allocate((nuint)(16 + i * 13)));
                }
                foreach (IntPtr block in blocks)
                {
                    heap.Free((void*)block);
                }
                Assert.Equal(0UL, heap.BytesInUse);
                if (round == 0)
                {
                    afterFirstRound = heap.BytesFromPageSource;
                }
            }
            // Reuse: 50 rounds of the same pattern fit in what round 1 took, at most one chunk per size class and the directory.
            Assert.Equal(afterFirstRound, heap.BytesFromPageSource);
            Assert.True(heap.BytesFromPageSource <= Heap.SizeClassCount * Heap.ChunkSize + Heap.PageSize, $"took {heap.BytesFromPageSource} bytes");
            Assert.Equal(heap.AllocationCount, heap.FreeCount);
        }

        [Fact]
        public void LargeBlocksGoBackToThePageSource()
        {
            s_pagesOutstanding = 0;
            Heap heap = NewHeap();
            heap.Free(heap.Allocate(8)); // the segment directory's page, which stays
            long directory = s_pagesOutstanding;
            void* block = heap.Allocate(100000);
            Assert.True(heap.UsableSize(block) >= 100000);
            Assert.True(s_pagesOutstanding - directory >= 100000);
            heap.Free(block);
            Assert.Equal(directory, s_pagesOutstanding);
            Assert.Equal(0UL, heap.BytesInUse);
        }

        [Fact]
        public void ExhaustedPageSourceReturnsNull()
        {
            Heap heap = default;
            heap.Initialize(&RefusePages, &FreePages);
            Assert.True(heap.Allocate(32) == null);
            Assert.True(heap.Allocate(1 << 20) == null);
        }

        private static void* RefusePages(nuint bytes) => null;

        private sealed class FatalErrorRaised : Exception
        {
            public FatalErrorRaised(string reason) : base(reason)
            {
            }
        }

        private static void ThrowOnFatalError(string reason, object exception) => throw new FatalErrorRaised(reason);

        [Fact]
        public void DoubleFreeIsAFatalErrorNamingTheCause()
        {
            Heap heap = NewHeap();
            void* block = heap.Allocate(40);
            heap.Free(block);
            FatalError.SetHandler(&ThrowOnFatalError);
            FatalErrorRaised raised = Assert.Throws<FatalErrorRaised>(() => heap.Free(block));
            Assert.Contains("freed twice", raised.Message);
        }

        [Fact]
        public void FreeOfAForeignPointerIsAFatalError()
        {
            Heap heap = NewHeap();
            long[] foreign = new long[4];
            FatalError.SetHandler(&ThrowOnFatalError);
            fixed (long* pointer = &foreign[1])
            {
                long* captured = pointer;
                FatalErrorRaised raised = Assert.Throws<FatalErrorRaised>(() => heap.Free(captured));
                Assert.Contains("not allocated by this heap", raised.Message);
            }
        }

        [Fact]
        public void ObjectBlocksBeginWithAZeroHeaderAndAreFoundFromAnyAddressInside()
        {
            Heap heap = NewHeap();
            byte* small = heap.AllocateObject(40);
            byte* large = heap.AllocateObject(10000);
            Assert.Equal(0UL, *(ulong*)small);
            *(ulong*)(small + 8) = 0x1000; // the MethodTable word: an object exists once it is written
            *(ulong*)(large + 8) = 0x1000;
            for (int offset = 0; offset < 48; offset += 5)
            {
                Assert.True(heap.FindObject((nuint)(small + offset)) == small, $"offset {offset}");
            }
            Assert.True(heap.FindObject((nuint)(large + 9999)) == large);
            Assert.True(heap.FindObject((nuint)(small + 48)) == null, "the next block was never carved");
            byte* raw = (byte*)heap.Allocate(40);
            Assert.True(heap.FindObject((nuint)raw) == null, "raw memory is not an object");
            heap.FreeObject(small);
            Assert.True(heap.FindObject((nuint)small + 8) == null, "a free block is not an object");
            long local = 0;
            Assert.True(heap.FindObject((nuint)(&local)) == null);
        }

        [Fact]
        public void FreeingAnObjectAsRawMemoryOrRawMemoryAsAnObjectIsAFatalError()
        {
            Heap heap = NewHeap();
            byte* obj = heap.AllocateObject(32);
            byte* raw = (byte*)heap.Allocate(24);
            Assert.Contains("corrupt", FatalErrorCatcher.ReasonOf(() => heap.FreeObject(raw - 8)));
            Assert.Contains("Free of an object", FatalErrorCatcher.ReasonOf(() => heap.Free(obj + 8)));
            heap.FreeObject(obj);
            Assert.Contains("freed twice", FatalErrorCatcher.ReasonOf(() => heap.FreeObject(obj)));
        }

        [Fact]
        public void ABlockWrittenAfterItWasFreedIsDetectedWhenItIsReused()
        {
            Heap heap = NewHeap();
            byte* block = (byte*)heap.Allocate(40);
            heap.Free(block);
            *(ulong*)(block - 8) = 42; // a write through a dangling pointer over the free-block marker
            Assert.Contains("free list corrupted", FatalErrorCatcher.ReasonOf(() => heap.Allocate(40)));
        }

        [Fact]
        public void TheSweepKeepsRawMemoryAndMarkedObjects()
        {
            Heap heap = NewHeap();
            byte* raw = (byte*)heap.Allocate(100);
            byte* kept = heap.AllocateObject(64);
            byte* dropped = heap.AllocateObject(64);
            *(ulong*)(kept + 8) = 0x1000;
            *(ulong*)(dropped + 8) = 0x1000;
            Assert.True(heap.MarkObjectContaining((nuint)kept + 20) == kept);
            Assert.True(heap.MarkObjectContaining((nuint)kept) == null, "marked once only");
            Assert.True(heap.IsMarked(kept));
            ulong freed = heap.Sweep();
            Assert.Equal(64UL, freed);
            Assert.False(heap.IsMarked(kept), "the sweep clears the marks");
            Assert.True(heap.FindObject((nuint)kept) == kept);
            Assert.True(heap.FindObject((nuint)dropped) == null);
            heap.Free(raw);
        }

        [Fact]
        public void ChunkIndexByReciprocalEqualsDivisionForEveryOffsetOfEverySizeClass()
        {
            byte* memory = (byte*)NativeMemory.AlignedAlloc(Heap.ChunkSize, Heap.ChunkSize);
            try
            {
                HeapChunk* chunk = (HeapChunk*)memory;
                for (int sizeClass = 0; sizeClass < Heap.SizeClassCount; sizeClass++)
                {
                    int blockSize = Heap.BlockSizeOf(sizeClass);
                    chunk->Initialize(sizeClass, blockSize);
                    chunk->CarvedCount = chunk->BlockCount;
                    nuint first = (nuint)chunk->FirstBlock;
                    int lastOffset = chunk->BlockCount * blockSize;
                    for (int offset = 0; offset < lastOffset; offset++)
                    {
                        Assert.Equal(offset / blockSize, chunk->IndexOf(first + (nuint)offset));
                    }
                    Assert.Equal(-1, chunk->IndexOf(first + (nuint)lastOffset));
                    Assert.Equal(-1, chunk->IndexOf(first - 1));
                }
            }
            finally
            {
                NativeMemory.AlignedFree(memory);
            }
        }
    }
}
