using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The heap that backs `new` in this program (the kernel or a ring-3 program), and the allocation
    /// helpers ilc's generated code calls. An object is preceded by an 8-byte header (counted in the
    /// MethodTable's BaseSize); the reference points at the MethodTable pointer:
    /// [header][MethodTable*][fields...]; arrays and strings: [header][MethodTable*][int length][pad][elements...].
    /// </summary>
    public static unsafe class ManagedHeap
    {
        public const int ObjectHeaderSize = 8;

        private static Heap s_heap;

        public static void Initialize(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            s_heap.Initialize(allocatePages, freePages);
        }

        public static ulong BytesInUse => s_heap.BytesInUse;

        public static ulong BytesFromPageSource => s_heap.BytesFromPageSource;

        public static ulong AllocationCount => s_heap.AllocationCount;

        public static ulong FreeCount => s_heap.FreeCount;

        /// <summary>Raw memory for runtime data structures that are not objects.</summary>
        public static void* AllocateRaw(nuint size)
        {
            void* block = s_heap.Allocate(size);
            if (block == null)
            {
                FatalError.Fail("out of memory");
            }
            return block;
        }

        public static void FreeRaw(void* block) => s_heap.Free(block);

        /// <summary>Frees an object explicitly (the kernel does this for objects it knows are dead).</summary>
        public static void FreeObject(object obj)
        {
            if (obj != null)
            {
                s_heap.Free((byte*)Unsafe.AsPointer(obj) - ObjectHeaderSize);
            }
        }

        [RuntimeExport("RhpNewFast")]
        internal static object NewObject(MethodTable* type)
        {
            byte* memory = (byte*)AllocateRaw(type->BaseSize) + ObjectHeaderSize;
            *(MethodTable**)memory = type;
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
            byte* memory = (byte*)AllocateRaw((nuint)size) + ObjectHeaderSize;
            *(MethodTable**)memory = type;
            *(int*)(memory + sizeof(nint)) = length;
            return Unsafe.AsRef<object>(&memory);
        }

        [RuntimeExport("RhpNewPtrArrayFast")]
        internal static object NewPointerArray(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhNewString")]
        internal static object NewString(MethodTable* type, int length) => NewArray(type, length);
    }
}
