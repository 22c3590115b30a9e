using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Cosmos.Api;
using Internal.Runtime.GarbageCollection;

namespace Internal.Runtime
{
    /// <summary>
    /// The heap that backs `new` in this program (the kernel or a ring-3 program), and the allocation helpers ilc's
    /// generated code calls. An object is one heap block: [header word][MethodTable*][fields...] (BaseSize counts the
    /// header); arrays and strings: [header][MethodTable*][int length][pad][elements...]; the reference points at the
    /// MethodTable word. The kernel frees explicitly (FreeObject, FreeRaw) and never collects; a ring-3 program turns
    /// collection on at start-up (<see cref="EnableCollection"/>). One lock serialises every heap operation, and an
    /// object is complete (MethodTable and length written) before the lock is released, so a collection never sees a
    /// half-made object.
    /// </summary>
    public static unsafe class ManagedHeap
    {
        public const int ObjectHeaderSize = 8;

        private static Heap s_heap;
        private static SpinLock s_lock;
        private static HandleTable s_handles;
        private static bool s_threadsMayContend;

        private static Heap* HeapPointer => (Heap*)Unsafe.AsPointer(ref s_heap);

        private static HandleTable* Handles => (HandleTable*)Unsafe.AsPointer(ref s_handles);

        // Takes the heap lock. Where collection is off (the kernel: one processor, interrupts disabled) nobody else can hold
        // it, so finding it held means a fatal error was raised inside a heap operation and its report allocates: that
        // proceeds, as it did before the heap had a lock, rather than waiting for ever. Programs wait for the holder.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Lock()
        {
            if (!s_lock.TryAcquire() && s_threadsMayContend)
            {
                s_lock.Acquire();
            }
        }

        public static void Initialize(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            s_heap.Initialize(allocatePages, freePages);
        }

        /// <summary>Turns on garbage collection (ring-3 programs only), with the heap's page source for the collector's own use.</summary>
        public static void EnableCollection(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            SuspendedThread* records = (SuspendedThread*)AllocateRaw((nuint)(RootScanner.ThreadCapacity * sizeof(SuspendedThread)));
            Lock();
            Collector.Enable(allocatePages, freePages, records);
            s_heap.SetFastPathLimit(Collector.NextCollectionAt);
            s_threadsMayContend = true;
            s_lock.Release();
        }

        public static ulong BytesInUse => s_heap.BytesInUse;

        public static ulong BytesFromPageSource => s_heap.BytesFromPageSource;

        public static ulong AllocationCount => s_heap.AllocationCount;

        public static ulong FreeCount => s_heap.FreeCount;

        /// <summary>A full collection now (nothing happens where collection is not enabled).</summary>
        public static void Collect()
        {
            Lock();
            if (Collector.IsEnabled)
            {
                CollectLocked();
            }
            s_lock.Release();
        }

        public static GarbageCollectorStatistics Statistics()
        {
            Lock();
            GarbageCollectorStatistics statistics = Collector.Statistics(HeapPointer);
            s_lock.Release();
            return statistics;
        }

        /// <summary>Raw memory for runtime data structures that are not objects: never collected, never scanned for references.</summary>
        public static void* AllocateRaw(nuint size)
        {
            Lock();
            void* block = s_heap.Allocate(size);
            s_lock.Release();
            if (block == null)
            {
                FatalError.Fail("out of memory");
            }
            return block;
        }

        public static void FreeRaw(void* block)
        {
            Lock();
            s_heap.Free(block);
            s_lock.Release();
        }

        /// <summary>Frees an object explicitly (the kernel does this for objects it knows are dead; the library for private buffers).</summary>
        public static void FreeObject(object obj)
        {
            if (obj != null)
            {
                Lock();
                s_heap.FreeObject((byte*)Unsafe.AsPointer(obj) - ObjectHeaderSize);
                s_lock.Release();
            }
        }

        /// <summary>A GCHandle's slot for <paramref name="value"/> (kind: GCHandleType's value). Out of memory is fatal.</summary>
        public static nint AllocateHandle(object value, int kind)
        {
            Lock();
            nint handle = Handles->Allocate(HeapPointer, (nuint)Unsafe.AsPointer(value), kind);
            s_lock.Release();
            if (handle == 0)
            {
                FatalError.Fail("out of memory");
            }
            return handle;
        }

        public static void FreeHandle(nint handle)
        {
            Lock();
            bool valid = Handles->IsValid(handle);
            if (valid)
            {
                Handles->Free(handle);
            }
            s_lock.Release();
            ThrowIfInvalidHandle(valid);
        }

        public static object HandleTarget(nint handle)
        {
            Lock();
            bool valid = Handles->IsValid(handle);
            nuint target = valid ? Handles->Target(handle) : 0;
            s_lock.Release();
            ThrowIfInvalidHandle(valid);
            return Unsafe.AsRef<object>(&target);
        }

        public static void SetHandleTarget(nint handle, object value)
        {
            Lock();
            bool valid = Handles->IsValid(handle);
            if (valid)
            {
                Handles->SetTarget(handle, (nuint)Unsafe.AsPointer(value));
            }
            s_lock.Release();
            ThrowIfInvalidHandle(valid);
        }

        private static void ThrowIfInvalidHandle(bool valid)
        {
            if (!valid)
            {
                throw new InvalidOperationException("the GCHandle was freed or never allocated");
            }
        }

        [RuntimeExport("RhpNewFast")]
        internal static object NewObject(MethodTable* type)
        {
            Lock();
            byte* block = s_heap.TryAllocateObjectFast(type->BaseSize);
            if (block == null)
            {
                block = AllocateObjectLocked(type->BaseSize);
            }
            byte* memory = block + ObjectHeaderSize;
            *(MethodTable**)memory = type;
            s_lock.Release();
            return Unsafe.AsRef<object>(&memory);
        }

        [RuntimeExport("RhpNewFinalizable")]
        internal static object NewFinalizableObject(MethodTable* type) => NewObject(type);

        [RuntimeExport("RhpNewArrayFast")]
        internal static object NewArray(MethodTable* type, int length)
        {
            if (length < 0)
            {
                FatalError.Fail("arithmetic overflow: negative array length");
            }
            ulong size = (ulong)type->BaseSize + (ulong)length * type->ComponentSize;
            size = (size + 7) & ~7UL;
            if (size > int.MaxValue)
            {
                FatalError.Fail("out of memory: array too large");
            }
            Lock();
            byte* memory = AllocateObjectLocked((nuint)size) + ObjectHeaderSize;
            *(MethodTable**)memory = type;
            *(int*)(memory + sizeof(nint)) = length;
            s_lock.Release();
            return Unsafe.AsRef<object>(&memory);
        }

        [RuntimeExport("RhpNewPtrArrayFast")]
        internal static object NewPointerArray(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhNewString")]
        internal static object NewString(MethodTable* type, int length) => NewArray(type, length);

        // With the lock held: a collection, after which the fast path may run until the next one is due.
        private static void CollectLocked()
        {
            Collector.Collect(HeapPointer, Handles);
            s_heap.SetFastPathLimit(Collector.NextCollectionAt);
        }

        // With the lock held: collects first when the allocation budget is spent, and once more before giving up.
        private static byte* AllocateObjectLocked(nuint size)
        {
            if (Collector.IsDue(s_heap.BytesAllocated))
            {
                CollectLocked();
            }
            byte* block = s_heap.AllocateObject(size);
            if (block == null && Collector.IsEnabled)
            {
                CollectLocked();
                block = s_heap.AllocateObject(size);
            }
            if (block == null)
            {
                s_lock.Release();
                FatalError.Fail("out of memory");
            }
            return block;
        }
    }
}
