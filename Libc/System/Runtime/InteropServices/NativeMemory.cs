namespace System.Runtime.InteropServices
{
    /// <summary>Clearing and copying unmanaged memory (the subset of .NET's NativeMemory that needs no allocator).</summary>
    public static unsafe class NativeMemory
    {
        /// <summary>Sets <paramref name="byteCount"/> bytes at <paramref name="pointer"/> to zero.</summary>
        public static void Clear(void* pointer, nuint byteCount) => SpanHelpers.MemorySet((byte*)pointer, 0, byteCount);

        /// <summary>Sets <paramref name="byteCount"/> bytes at <paramref name="pointer"/> to <paramref name="value"/>.</summary>
        public static void Fill(void* pointer, nuint byteCount, byte value) => SpanHelpers.MemorySet((byte*)pointer, value, byteCount);

        /// <summary>Copies <paramref name="byteCount"/> bytes; the ranges may overlap.</summary>
        public static void Copy(void* source, void* destination, nuint byteCount) => SpanHelpers.MemoryMove((byte*)destination, (byte*)source, byteCount);
    }
}
