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
            }
            // Reuse keeps the chunk count small: 50 rounds of the same pattern fit in what round 1 took.
            Assert.True(heap.BytesFromPageSource <= 8 * Heap.ChunkSize, $"took {heap.BytesFromPageSource} bytes");
            Assert.Equal(heap.AllocationCount, heap.FreeCount);
        }

        [Fact]
        public void LargeBlocksGoBackToThePageSource()
        {
            s_pagesOutstanding = 0;
            Heap heap = NewHeap();
            void* block = heap.Allocate(100000);
            Assert.True(heap.UsableSize(block) >= 100000);
            Assert.True(s_pagesOutstanding >= 100000);
            heap.Free(block);
            Assert.Equal(0, s_pagesOutstanding);
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
    }
}
