using System.Collections.Generic;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.GarbageCollection;
using Xunit;

namespace Libc.Tests
{
    /// <summary>GcDescriptor's reading of ilc's GCDesc, over MethodTables built by hand in the layouts ilc 10.0.14 emits.</summary>
    public unsafe class GcDescriptorTests
    {
        private struct OffsetRecorder : IReferenceSlotVisitor
        {
            public byte* ObjectReference;
            public List<long> Offsets;

            public void Visit(nuint* slot) => Offsets.Add((byte*)slot - ObjectReference);
        }

        // Builds an object in host memory ([header][MethodTable*][fields or length and elements]) and lists the offsets of the slots visited.
        private static (bool Accepted, List<long> Offsets) Visit(MethodTable* type, int length = 0)
        {
            nuint size = type->BaseSize + (nuint)length * type->ComponentSize;
            byte* block = (byte*)NativeMemory.AllocZeroed(size + 64);
            try
            {
                byte* objectReference = block + 8;
                *(MethodTable**)objectReference = type;
                *(int*)(objectReference + 8) = length;
                OffsetRecorder recorder = new OffsetRecorder { ObjectReference = objectReference, Offsets = new List<long>() };
                bool accepted = GcDescriptor.VisitReferences(type, objectReference, GcDescriptor.ObjectSize(type, objectReference), ref recorder);
                return (accepted, recorder.Offsets);
            }
            finally
            {
                NativeMemory.Free(block);
            }
        }

        [Fact]
        public void OneSeriesCoversTheClassesTwoReferenceFields()
        {
            using SyntheticTypes types = new SyntheticTypes();
            // ilc: a sealed class { object; string; long } has BaseSize 40 and the series {-24, 8}.
            (bool accepted, List<long> offsets) = Visit(types.Class(40, (-24, 8)));
            Assert.True(accepted);
            Assert.Equal(new long[] { 8, 16 }, offsets);
        }

        [Fact]
        public void EachSeriesOfADerivedClassIsVisited()
        {
            using SyntheticTypes types = new SyntheticTypes();
            // ilc: base { long; object } + derived { int; object }: BaseSize 48, series {-40, 8} and {-40, 24}.
            (bool accepted, List<long> offsets) = Visit(types.Class(48, (-40, 8), (-40, 24)));
            Assert.True(accepted);
            offsets.Sort();
            Assert.Equal(new long[] { 8, 24 }, offsets);
        }

        [Fact]
        public void AnArrayOfReferencesIsCoveredElementByElement()
        {
            using SyntheticTypes types = new SyntheticTypes();
            // ilc: object[] has BaseSize 24, component size 8, series {-24, 16}: 8 × length bytes from offset 16.
            MethodTable* objectArray = types.Array(8, (-24, 16));
            (bool accepted, List<long> offsets) = Visit(objectArray, 5);
            Assert.True(accepted);
            Assert.Equal(new long[] { 16, 24, 32, 40, 48 }, offsets);
            (bool emptyAccepted, List<long> none) = Visit(objectArray, 0);
            Assert.True(emptyAccepted);
            Assert.Empty(none);
        }

        [Fact]
        public void AnArrayOfStructsRepeatsThePatternForEveryElement()
        {
            using SyntheticTypes types = new SyntheticTypes();
            // ilc: struct { long; object; int; string } → 32-byte elements, references first: start 16, {2 pointers, skip 16}.
            MethodTable* entries = types.StructArray(32, 16, (2, 16));
            (bool accepted, List<long> offsets) = Visit(entries, 3);
            Assert.True(accepted);
            Assert.Equal(new long[] { 16, 24, 48, 56, 80, 88 }, offsets);
            Assert.Empty(Visit(entries, 0).Offsets);
        }

        [Fact]
        public void APatternOfSeveralItemsStartingInsideTheElementIsFollowed()
        {
            using SyntheticTypes types = new SyntheticTypes();
            // 40-byte elements: [long][ref][long][ref][long] → first reference at 16 + 8, then {1, skip 8}, {1, skip 16}.
            MethodTable* elements = types.StructArray(40, 24, (1, 8), (1, 16));
            (bool accepted, List<long> offsets) = Visit(elements, 2);
            Assert.True(accepted);
            Assert.Equal(new long[] { 24, 40, 64, 80 }, offsets);
        }

        [Fact]
        public void ATypeWithoutPointersVisitsNothing()
        {
            using SyntheticTypes types = new SyntheticTypes();
            (bool accepted, List<long> offsets) = Visit(types.Class(32));
            Assert.True(accepted);
            Assert.Empty(offsets);
        }

        [Fact]
        public void MalformedDescriptorsAreRejected()
        {
            using SyntheticTypes types = new SyntheticTypes();
            Assert.False(Visit(types.WithDescriptorWords(40, 0)).Accepted);
            Assert.False(Visit(types.WithDescriptorWords(40, GcDescriptor.MaximumSeriesCount + 1)).Accepted);
            // A series that runs past the object's end, and one that starts at the MethodTable word.
            Assert.False(Visit(types.Class(40, (-8, 8))).Accepted);
            Assert.False(Visit(types.Class(40, (-24, 0))).Accepted);
            // A repeating pattern that covers no bytes would never end.
            Assert.False(Visit(types.StructArray(16, 16, (0, 0)), 2).Accepted);
        }

        [Fact]
        public void ObjectSizeCountsTheHeaderTheBaseAndTheElements()
        {
            using SyntheticTypes types = new SyntheticTypes();
            byte* block = (byte*)NativeMemory.AllocZeroed(64);
            try
            {
                *(int*)(block + 16) = 5;
                Assert.Equal((nuint)64, GcDescriptor.ObjectSize(types.Array(8, (-24, 16)), block + 8));
                Assert.Equal((nuint)40, GcDescriptor.ObjectSize(types.Class(40), block + 8));
            }
            finally
            {
                NativeMemory.Free(block);
            }
        }
    }
}
