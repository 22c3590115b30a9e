using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Block memory copies. The heap does not move objects and needs no write barrier, so copies of
    /// memory holding references are plain copies.</summary>
    public static unsafe class Buffer
    {
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
        {
            SpanHelpers.Memmove(ref destination, ref source, byteCount);
        }

        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
        {
            SpanHelpers.Memmove(ref destination, ref source, byteCount);
        }

        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("sourceBytesToCopy");
            }
            SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)sourceBytesToCopy);
        }
    }
}
