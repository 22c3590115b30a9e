using System;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.GarbageCollection;
using Xunit;

namespace Libc.Tests
{
    /// <summary>
    /// Mark and sweep over a real Heap in host memory with hand-made MethodTables: roots are offered as ranges of words
    /// (as the ring-3 collector offers stacks and static data), objects are traced through their GCDesc, and the sweep
    /// frees what was not reached.
    /// </summary>
    [Collection("Heap")]
    public unsafe class CollectorTests : IDisposable
    {
        private readonly SyntheticTypes _types = new SyntheticTypes();
        private readonly MethodTable* _node;
        private readonly MethodTable* _leaf;
        private readonly MethodTable* _objectArray;
        private readonly MethodTable* _pairArray;
        private readonly Heap* _heap;
        private readonly MarkStack* _stack;

        public CollectorTests()
        {
            // node { object First; object Second; long Value }: BaseSize 40, series {-24, 8}.
            _node = _types.Class(40, (-24, 8));
            _leaf = _types.Class(32);
            _objectArray = _types.Array(8, (-24, 16));
            // struct pair { object Reference; long Number } elements of 16 bytes: start 16, {1 pointer, skip 8}.
            _pairArray = _types.StructArray(16, 16, (1, 8));
            _heap = (Heap*)NativeMemory.AllocZeroed((nuint)sizeof(Heap));
            _heap->Initialize(HostPageSource.Allocate, HostPageSource.Free);
            _stack = (MarkStack*)NativeMemory.AllocZeroed((nuint)sizeof(MarkStack));
            _stack->Initialize(HostPageSource.Allocate, HostPageSource.Free);
        }

        public void Dispose()
        {
            _stack->Release();
            NativeMemory.Free(_stack);
            NativeMemory.Free(_heap);
            _types.Dispose();
        }

        // A new object: its reference (the address of its MethodTable word).
        private byte* New(MethodTable* type, int length = 0)
        {
            nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
            byte* block = _heap->AllocateObject((size + 7) & ~(nuint)7);
            Assert.True(block != null);
            byte* reference = block + 8;
            *(MethodTable**)reference = type;
            *(int*)(reference + 8) = length;
            return reference;
        }

        private static void Link(byte* from, int field, byte* to) => ((byte**)(from + 8))[field] = to;

        private void Collect(params nuint[] roots)
        {
            ObjectMarker marker = default;
            marker.Initialize(_heap, _stack, 0, 0);
            fixed (nuint* words = roots)
            {
                marker.MarkRange(words, words + roots.Length);
            }
            marker.Drain();
            _heap->Sweep();
        }

        private bool IsLive(byte* reference) => _heap->FindObject((nuint)reference) == reference - 8;

        [Fact]
        public void ReachableObjectsSurviveAndTheRestIsFreed()
        {
            byte* a = New(_node);
            byte* b = New(_node);
            byte* c = New(_leaf);
            byte* unreachable = New(_node);
            byte* unreachableLeaf = New(_leaf);
            Link(a, 0, b);
            Link(b, 1, c);
            Link(unreachable, 0, unreachableLeaf);
            ulong inUse = _heap->BytesInUse;

            Collect((nuint)a);

            Assert.True(IsLive(a) && IsLive(b) && IsLive(c));
            Assert.False(IsLive(unreachable));
            Assert.False(IsLive(unreachableLeaf));
            Assert.Equal(inUse - 48 - 32, _heap->BytesInUse);
            Assert.True(*(byte**)(a + 8) == b, "a survivor's fields are untouched");
        }

        [Fact]
        public void UnreachableCyclesAreFreed()
        {
            byte* first = New(_node);
            byte* second = New(_node);
            byte* third = New(_node);
            Link(first, 0, second);
            Link(second, 0, third);
            Link(third, 0, first);
            Link(third, 1, third);
            byte* root = New(_leaf);

            Collect((nuint)root);

            Assert.True(IsLive(root));
            Assert.False(IsLive(first) || IsLive(second) || IsLive(third));
        }

        [Fact]
        public void InteriorPointersKeepTheirObjectAndNonPointersKeepNothing()
        {
            byte* array = New(_objectArray, 10);
            byte* element = New(_leaf);
            ((byte**)(array + 16))[7] = element;
            byte* other = New(_leaf);

            // Roots as a stack holds them: an address inside the array's elements, small integers, a wild address.
            Collect((nuint)(array + 16 + 7 * 8 + 3), 12345, 0xDEADBEEF, (nuint)other - 8 + 40);

            Assert.True(IsLive(array));
            Assert.True(IsLive(element));
            Assert.False(IsLive(other), "a word just past the object's block keeps nothing");
        }

        [Fact]
        public void ArraysOfStructsKeepTheObjectsTheirElementsReference()
        {
            byte* pairs = New(_pairArray, 50);
            byte*[] referenced = new byte*[50];
            for (int i = 0; i < 50; i++)
            {
                referenced[i] = New(_leaf);
                byte* element = pairs + 16 + i * 16;
                *(byte**)element = referenced[i];
                *(long*)(element + 8) = (long)New(_leaf); // not a reference field: must not keep anything alive
            }

            Collect((nuint)pairs);

            for (int i = 0; i < 50; i++)
            {
                Assert.True(IsLive(referenced[i]), $"element {i}'s object");
                Assert.False(IsLive(*(byte**)(pairs + 16 + i * 16 + 8)), $"element {i}'s number field is not a reference");
            }
        }

        [Fact]
        public void LargeObjectsAreMarkedThroughAndFreedWithTheirPages()
        {
            byte* large = New(_objectArray, 4000);
            byte* garbageLarge = New(_objectArray, 4000);
            byte* child = New(_leaf);
            ((byte**)(large + 16))[3999] = child;
            ulong heapBytes = _heap->BytesFromPageSource;

            Collect((nuint)large);

            Assert.True(IsLive(large));
            Assert.True(IsLive(child));
            Assert.False(IsLive(garbageLarge));
            Assert.Equal(heapBytes - 8 * 4096, _heap->BytesFromPageSource);
        }

        [Fact]
        public void AWideGraphGrowsTheMarkStackAndEveryObjectSurvives()
        {
            const int Count = 30000;
            byte* array = New(_objectArray, Count);
            for (int i = 0; i < Count; i++)
            {
                byte* node = New(_node);
                Link(node, 0, New(_leaf));
                ((byte**)(array + 16))[i] = node;
            }

            Collect((nuint)array);

            Assert.True(_stack->StorageBytes > 64 * 1024, "the mark stack grew past its first 64 KiB");
            for (int i = 0; i < Count; i++)
            {
                byte* node = ((byte**)(array + 16))[i];
                Assert.True(IsLive(node));
                Assert.True(IsLive(*(byte**)(node + 8)));
            }
        }

        [Fact]
        public void EmptyChunksGoBackToThePageSourceAndFreedBlocksAreReused()
        {
            long before = HostPageSource.BytesOutstanding;
            for (int i = 0; i < 20000; i++)
            {
                New(_node);
            }
            Assert.True(HostPageSource.BytesOutstanding - before >= 10 * Heap.ChunkSize);

            Collect();

            Assert.Equal(0UL, _heap->BytesInUse);
            Assert.True(HostPageSource.BytesOutstanding - before <= 4096, "only the segment directory's page stays");
            byte* again = New(_node);
            Assert.True(IsLive(again));
        }

        [Fact]
        public void AnObjectWithAMethodTableOutsideTheImageIsAFatalError()
        {
            byte* node = New(_node);
            byte* corrupt = New(_leaf);
            Link(node, 0, corrupt);
            *(nuint*)corrupt = 0x1234;
            string reason = FatalErrorCatcher.ReasonOf(() =>
            {
                ObjectMarker marker = default;
                marker.Initialize(_heap, _stack, (nuint)_node - 4096, (nuint)_node + 4096);
                marker.MarkReference((nuint)node);
                marker.Drain();
            });
            Assert.Contains("heap corruption", reason);
        }
    }
}
