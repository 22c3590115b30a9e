using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Internal.Runtime;
using Internal.Runtime.GarbageCollection;
using Xunit;

namespace Libc.Tests
{
    /// <summary>The slots behind GCHandle, over a real heap: strong handles as roots, weak handles cleared, slot reuse.</summary>
    [Collection("Heap")]
    public unsafe class HandleTableTests : IDisposable
    {
        private readonly SyntheticTypes _types = new SyntheticTypes();
        private readonly MethodTable* _leaf;
        private readonly Heap* _heap;
        private readonly MarkStack* _stack;
        private readonly HandleTable* _handles;

        public HandleTableTests()
        {
            _leaf = _types.Class(32);
            _heap = (Heap*)NativeMemory.AllocZeroed((nuint)sizeof(Heap));
            _heap->Initialize(HostPageSource.Allocate, HostPageSource.Free);
            _stack = (MarkStack*)NativeMemory.AllocZeroed((nuint)sizeof(MarkStack));
            _stack->Initialize(HostPageSource.Allocate, HostPageSource.Free);
            _handles = (HandleTable*)NativeMemory.AllocZeroed((nuint)sizeof(HandleTable));
        }

        public void Dispose()
        {
            _stack->Release();
            NativeMemory.Free(_handles);
            NativeMemory.Free(_stack);
            NativeMemory.Free(_heap);
            _types.Dispose();
        }

        private byte* NewLeaf()
        {
            byte* block = _heap->AllocateObject(32);
            *(MethodTable**)(block + 8) = _leaf;
            return block + 8;
        }

        private bool IsLive(byte* reference) => _heap->FindObject((nuint)reference) == reference - 8;

        [Fact]
        public void StrongHandlesAreRootsAndWeakHandlesLetGoOfObjectsThatDied()
        {
            byte* normal = NewLeaf();
            byte* pinned = NewLeaf();
            byte* weaklyHeld = NewLeaf();
            byte* alsoRooted = NewLeaf();
            nint normalHandle = _handles->Allocate(_heap, (nuint)normal, HandleTable.Normal);
            nint pinnedHandle = _handles->Allocate(_heap, (nuint)pinned, HandleTable.Pinned);
            nint weakHandle = _handles->Allocate(_heap, (nuint)weaklyHeld, HandleTable.Weak);
            nint weakRootedHandle = _handles->Allocate(_heap, (nuint)alsoRooted, HandleTable.WeakTrackResurrection);

            ObjectMarker marker = default;
            marker.Initialize(_heap, _stack, 0, 0);
            _handles->MarkStrongHandles(&marker);
            marker.MarkReference((nuint)alsoRooted);
            marker.Drain();
            _handles->ClearUnreachableWeakHandles(_heap);
            _heap->Sweep();

            Assert.True(IsLive(normal) && IsLive(pinned) && IsLive(alsoRooted));
            Assert.False(IsLive(weaklyHeld), "a weak handle is not a root");
            Assert.Equal((nuint)normal, _handles->Target(normalHandle));
            Assert.Equal((nuint)pinned, _handles->Target(pinnedHandle));
            Assert.Equal((nuint)0, _handles->Target(weakHandle));
            Assert.Equal((nuint)alsoRooted, _handles->Target(weakRootedHandle));
            Assert.Equal(HandleTable.Pinned, _handles->Kind(pinnedHandle));
        }

        [Fact]
        public void TheTableGrowsFreedSlotsAreReusedAndStaleHandlesAreInvalid()
        {
            List<nint> handles = new List<nint>();
            for (int i = 0; i < 200; i++)
            {
                nint handle = _handles->Allocate(_heap, (nuint)(0x1000 + i), HandleTable.Normal);
                Assert.True(handle > 0);
                handles.Add(handle);
            }
            for (int i = 0; i < 200; i++)
            {
                Assert.Equal((nuint)(0x1000 + i), _handles->Target(handles[i]));
            }
            _handles->Free(handles[150]);
            Assert.False(_handles->IsValid(handles[150]));
            Assert.False(_handles->IsValid(0));
            Assert.False(_handles->IsValid(201));
            Assert.True(_handles->IsValid(handles[149]));
            nint reused = _handles->Allocate(_heap, 0x5000, HandleTable.Weak);
            Assert.Equal(handles[150], reused);
            Assert.Equal(HandleTable.Weak, _handles->Kind(reused));
        }
    }
}
