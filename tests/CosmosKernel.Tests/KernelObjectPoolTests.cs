using System;
using System.Runtime.InteropServices;
using CosmosKernel.Capabilities;
using CosmosKernel.Objects;
using Xunit;

namespace CosmosKernel.Tests
{
    /// <summary>The typed pool kernel objects come from: allocation, stale references, reuse, revocation, exhaustion.</summary>
    public sealed unsafe class KernelObjectPoolTests : IDisposable
    {
        private const uint Capacity = 4;

        private struct PortLike
        {
            public ulong QueueHead;
            public ulong Badge;
            public uint Flags;
        }

        private readonly byte* _storage;
        private KernelObjectPool<PortLike> _pool;

        public KernelObjectPoolTests()
        {
            nuint bytes = KernelObjectPool<PortLike>.StorageBytes(Capacity);
            _storage = (byte*)NativeMemory.AlignedAlloc(bytes, 16);
            NativeMemory.Fill(_storage, bytes, 0xA5); // garbage: Initialize and Allocate must not rely on zeroed memory
            Assert.True(_pool.Initialize(_storage, Capacity));
        }

        public void Dispose() => NativeMemory.AlignedFree(_storage);

        [Fact]
        public void InitializeRefusesNoStorageAndBadCapacities()
        {
            KernelObjectPool<PortLike> pool = default;
            Assert.False(pool.Initialize(null, 4));
            Assert.False(pool.Initialize(_storage, 0));
            Assert.False(pool.Initialize(_storage, KernelObjectPool<PortLike>.MaximumCapacity + 1));
        }

        [Fact]
        public void AllocatedObjectsAreZeroedDistinctAndFoundByTheirReference()
        {
            PortLike* first = _pool.Allocate(out KernelObjectReference firstReference);
            PortLike* second = _pool.Allocate(out KernelObjectReference secondReference);

            Assert.True(first != null && second != null && first != second);
            Assert.Equal(0UL, first->QueueHead);
            Assert.Equal(0UL, first->Badge);
            Assert.Equal(0u, second->Flags);
            Assert.Equal(0u, firstReference.Index);
            Assert.Equal(1u, secondReference.Index);
            Assert.Equal(1u, firstReference.Generation);
            Assert.True(_pool.Find(firstReference) == first);
            Assert.True(_pool.Find(secondReference) == second);
            Assert.Equal(2u, _pool.Count);
        }

        [Fact]
        public void AFullPoolRefusesAndAFreedSlotIsReusedWithANewGeneration()
        {
            KernelObjectReference[] references = new KernelObjectReference[Capacity];
            for (int i = 0; i < Capacity; i++)
            {
                Assert.True(_pool.Allocate(out references[i]) != null);
            }
            Assert.True(_pool.Allocate(out KernelObjectReference none) == null);
            Assert.True(none.IsNone);

            Assert.True(_pool.Free(references[2]));
            PortLike* reused = _pool.Allocate(out KernelObjectReference again);

            Assert.True(reused != null);
            Assert.Equal(references[2].Index, again.Index);
            Assert.Equal(references[2].Generation + 1, again.Generation);
            Assert.True(_pool.Find(references[2]) == null); // the old reference does not reach the new object
            Assert.True(_pool.Find(again) == reused);
            Assert.Equal(Capacity, _pool.Count);
        }

        [Fact]
        public void FreeingTwiceOrAStaleOrForgedReferenceChangesNothing()
        {
            _pool.Allocate(out KernelObjectReference reference);
            Assert.True(_pool.Free(reference));

            Assert.False(_pool.Free(reference));
            Assert.False(_pool.Free(new KernelObjectReference(Capacity, 1)));
            Assert.False(_pool.Free(new KernelObjectReference(3, 1))); // never allocated
            Assert.False(_pool.Free(KernelObjectReference.None));
            Assert.Equal(0u, _pool.Count);
        }

        [Fact]
        public void FindRefusesOutOfRangeFreeAndOlderGenerations()
        {
            PortLike* live = _pool.Allocate(out KernelObjectReference reference);

            Assert.True(_pool.Find(new KernelObjectReference(Capacity, reference.Generation)) == null);
            Assert.True(_pool.Find(new KernelObjectReference(uint.MaxValue, 1)) == null);
            Assert.True(_pool.Find(new KernelObjectReference(1, 1)) == null); // a free slot
            Assert.True(_pool.Find(reference.WithGeneration(reference.Generation + 1)) == null);
            Assert.True(_pool.Find(reference) == live);
        }

        [Fact]
        public void AdvancingTheGenerationMakesOldReferencesStaleButKeepsTheObject()
        {
            PortLike* port = _pool.Allocate(out KernelObjectReference reference);
            port->Badge = 77;

            uint next = _pool.AdvanceGeneration(reference.Index);

            Assert.Equal(reference.Generation + 1, next);
            Assert.Equal(next, _pool.CurrentGeneration(reference.Index));
            Assert.True(_pool.Find(reference) == null);
            Assert.True(_pool.Find(reference.WithGeneration(next)) == port);
            Assert.Equal(77UL, port->Badge);
            Assert.Equal(1u, _pool.Count);
        }

        [Fact]
        public void GenerationsOfFreeOrUnknownSlotsAreZero()
        {
            _pool.Allocate(out KernelObjectReference reference);
            Assert.Equal(reference.Generation, _pool.CurrentGeneration(reference.Index));
            Assert.Equal(0u, _pool.CurrentGeneration(1));
            Assert.Equal(0u, _pool.CurrentGeneration(Capacity));
            Assert.Equal(0u, _pool.AdvanceGeneration(1));

            _pool.Free(reference);
            Assert.Equal(0u, _pool.CurrentGeneration(reference.Index));
            Assert.Equal(0u, _pool.AdvanceGeneration(reference.Index));
        }

        [Fact]
        public void ManyCyclesOfAllocationAndFreeKeepTheCountAndNeverHandOutALiveSlotTwice()
        {
            bool[] live = new bool[Capacity];
            KernelObjectReference[] held = new KernelObjectReference[Capacity];
            Random random = new Random(7);
            for (int step = 0; step < 10000; step++)
            {
                int slot = random.Next((int)Capacity);
                if (live[slot])
                {
                    Assert.True(_pool.Free(held[slot]));
                    live[slot] = false;
                }
                else if (_pool.Allocate(out KernelObjectReference reference) != null)
                {
                    Assert.False(live[reference.Index]);
                    live[reference.Index] = true;
                    held[reference.Index] = reference;
                }
                int expected = 0;
                foreach (bool isLive in live)
                {
                    expected += isLive ? 1 : 0;
                }
                Assert.Equal((uint)expected, _pool.Count);
            }
        }
    }
}
