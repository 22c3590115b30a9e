using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    /// <summary>Unchecked access to the memory behind arrays and spans, for code that has already validated its indices.</summary>
    public static class MemoryMarshal
    {
        /// <summary>Reference to element 0 of the array (valid to form even for an empty array; not to read).</summary>
        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref array.GetRawArrayData());

        public static ref T GetReference<T>(Span<T> span) => ref span._reference;

        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

        public static Span<T> CreateSpan<T>(ref T reference, int length) => new Span<T>(ref reference, length);

        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref readonly T reference, int length) => new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

        /// <summary>Views a span of one unmanaged type as another (lengths in whole elements of the target type).</summary>
        public static unsafe Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : unmanaged where TTo : unmanaged
        {
            long bytes = (long)span.Length * sizeof(TFrom);
            return new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), (int)(bytes / sizeof(TTo)));
        }

        public static unsafe ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : unmanaged where TTo : unmanaged
        {
            long bytes = (long)span.Length * sizeof(TFrom);
            return new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), (int)(bytes / sizeof(TTo)));
        }

        public static Span<byte> AsBytes<T>(Span<T> span) where T : unmanaged => Cast<T, byte>(span);

        public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : unmanaged => Cast<T, byte>(span);

        /// <summary>Reads a T from the start of a byte span (any alignment).</summary>
        public static unsafe T Read<T>(ReadOnlySpan<byte> source) where T : unmanaged
        {
            if (sizeof(T) > source.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("source");
            }
            return Unsafe.ReadUnaligned<T>(ref source._reference);
        }

        public static unsafe void Write<T>(Span<byte> destination, in T value) where T : unmanaged
        {
            if (sizeof(T) > destination.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("destination");
            }
            Unsafe.WriteUnaligned(ref destination._reference, value);
        }
    }
}
