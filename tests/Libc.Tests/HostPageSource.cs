using System;
using System.Runtime.InteropServices;

namespace Libc.Tests
{
    /// <summary>
    /// A page source over host memory for the heap under test: page-aligned, filled with 0xCC (the heap must zero what it
    /// hands out), with the bytes outstanding counted per thread (xunit runs test classes in parallel).
    /// </summary>
    internal static unsafe class HostPageSource
    {
        [ThreadStatic]
        private static long s_bytesOutstanding;

        public static long BytesOutstanding
        {
            get => s_bytesOutstanding;
            set => s_bytesOutstanding = value;
        }

        public static delegate*<nuint, void*> Allocate => &AllocatePages;

        public static delegate*<void*, nuint, void> Free => &FreePages;

        private static void* AllocatePages(nuint bytes)
        {
            Assert(bytes % 4096 == 0, "the heap asked for a byte count that is not a whole number of pages");
            s_bytesOutstanding += (long)bytes;
            void* memory = NativeMemory.AlignedAlloc(bytes, 4096);
            new Span<byte>(memory, (int)bytes).Fill(0xCC);
            return memory;
        }

        private static void FreePages(void* pages, nuint bytes)
        {
            Assert(((ulong)pages & 4095) == 0, "the heap gave back an address that is not page-aligned");
            s_bytesOutstanding -= (long)bytes;
            new Span<byte>(pages, (int)bytes).Fill(0xDD); // freed memory must not be read again
            NativeMemory.AlignedFree(pages);
        }

        private static void Assert(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message);
            }
        }
    }
}
