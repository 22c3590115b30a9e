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
        private static int s_lock;
        private static bool s_threadsMayContend;

        private static Heap* HeapPointer => (Heap*)Unsafe.AsPointer(ref s_heap);

        private static int* LockWord => (int*)Unsafe.AsPointer(ref s_lock);

        // Takes the heap lock. Where collection is off (the kernel: one processor, interrupts disabled) nobody else can hold
        // it, so finding it held means a fatal error was raised inside a heap operation and its report allocates: that
        // proceeds, as it did before the heap had a lock, rather than waiting for ever. Programs wait for the holder.
        private static void Lock()
        {
            if (!SpinLock.TryAcquire(LockWord) && s_threadsMayContend)
            {
                SpinLock.Acquire(LockWord);
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
            s_threadsMayContend = true;
            SpinLock.Release(LockWord);
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
                Collector.Collect(HeapPointer);
            }
            SpinLock.Release(LockWord);
        }

        public static GarbageCollectorStatistics Statistics()
        {
            Lock();
            GarbageCollectorStatistics statistics = Collector.Statistics(HeapPointer);
            SpinLock.Release(LockWord);
            return statistics;
        }

        /// <summary>Raw memory for runtime data structures that are not objects: never collected, never scanned for references.</summary>
        public static void* AllocateRaw(nuint size)
        {
            Lock();
            void* block = s_heap.Allocate(size);
            SpinLock.Release(LockWord);
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
            SpinLock.Release(LockWord);
        }

        /// <summary>Frees an object explicitly (the kernel does this for objects it knows are dead; the library for private buffers).</summary>
        public static void FreeObject(object obj)
        {
            if (obj != null)
            {
                Lock();
                s_heap.FreeObject((byte*)Unsafe.AsPointer(obj) - ObjectHeaderSize);
                SpinLock.Release(LockWord);
            }
        }

        [RuntimeExport("RhpNewFast")]
        internal static object NewObject(MethodTable* type)
        {
            Lock();
            byte* memory = AllocateObjectLocked(type->BaseSize) + ObjectHeaderSize;
            *(MethodTable**)memory = type;
            SpinLock.Release(LockWord);
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
            SpinLock.Release(LockWord);
            return Unsafe.AsRef<object>(&memory);
        }

        [RuntimeExport("RhpNewPtrArrayFast")]
        internal static object NewPointerArray(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhNewString")]
        internal static object NewString(MethodTable* type, int length) => NewArray(type, length);

        // With the lock held: collects first when the allocation budget is spent, and once more before giving up.
        private static byte* AllocateObjectLocked(nuint size)
        {
            if (Collector.IsDue(s_heap.BytesAllocated))
            {
                Collector.Collect(HeapPointer);
            }
            byte* block = s_heap.AllocateObject(size);
            if (block == null && Collector.IsEnabled)
            {
                Collector.Collect(HeapPointer);
                block = s_heap.AllocateObject(size);
            }
            if (block == null)
            {
                SpinLock.Release(LockWord);
                FatalError.Fail("out of memory");
            }
            return block;
        }
    }
}
