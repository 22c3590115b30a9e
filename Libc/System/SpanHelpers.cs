using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The memory primitives ilc's generated code and the core library build on (copy, fill, clear).</summary>
    internal static unsafe class SpanHelpers
    {
        /// <summary>Copies byteCount bytes; the regions may overlap.</summary>
        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
        {
            byte* to = (byte*)Unsafe.AsPointer(ref destination);
            byte* from = (byte*)Unsafe.AsPointer(ref source);
            MemoryMove(to, from, byteCount);
        }

        [RuntimeExport("memmove")]
        internal static void* MemoryMoveExport(byte* destination, byte* source, nuint byteCount)
        {
            MemoryMove(destination, source, byteCount);
            return destination;
        }

        [RuntimeExport("memcpy")]
        internal static void* MemoryCopyExport(byte* destination, byte* source, nuint byteCount)
        {
            MemoryMove(destination, source, byteCount);
            return destination;
        }

        [RuntimeExport("memset")]
        internal static void* MemorySetExport(byte* destination, int value, nuint byteCount)
        {
            MemorySet(destination, (byte)value, byteCount);
            return destination;
        }

        [RuntimeExport("RhSpanHelpers_MemCopy")]
        internal static void MemCopy(byte* destination, byte* source, nuint byteCount) => MemoryMove(destination, source, byteCount);

        [RuntimeExport("RhSpanHelpers_MemSet")]
        internal static void MemSet(byte* destination, byte value, nuint byteCount) => MemorySet(destination, value, byteCount);

        [RuntimeExport("RhSpanHelpers_MemZero")]
        internal static void MemZero(byte* destination, nuint byteCount) => MemorySet(destination, 0, byteCount);

        internal static void MemoryMove(byte* destination, byte* source, nuint byteCount)
        {
            if (destination == source || byteCount == 0)
            {
                return;
            }
            if (destination < source || destination >= source + byteCount)
            {
                // Forward copy: eight bytes at a time, then the tail.
                nuint i = 0;
                if ((((nuint)destination | (nuint)source) & 7) == 0)
                {
                    for (; i + 8 <= byteCount; i += 8)
                    {
                        *(ulong*)(destination + i) = *(ulong*)(source + i);
                    }
                }
                for (; i < byteCount; i++)
                {
                    destination[i] = source[i];
                }
            }
            else
            {
                // Overlap with the destination after the source: copy backwards.
                nuint i = byteCount;
                while (i > 0)
                {
                    i--;
                    destination[i] = source[i];
                }
            }
        }

        internal static void MemorySet(byte* destination, byte value, nuint byteCount)
        {
            nuint i = 0;
            if (((nuint)destination & 7) == 0)
            {
                ulong pattern = value * 0x0101010101010101UL;
                for (; i + 8 <= byteCount; i += 8)
                {
                    *(ulong*)(destination + i) = pattern;
                }
            }
            for (; i < byteCount; i++)
            {
                destination[i] = value;
            }
        }

        internal static void ClearWithoutReferences(ref byte destination, nuint byteCount)
        {
            MemorySet((byte*)Unsafe.AsPointer(ref destination), 0, byteCount);
        }

        internal static void ClearWithReferences(ref nint destination, nuint pointerCount)
        {
            MemorySet((byte*)Unsafe.AsPointer(ref destination), 0, pointerCount * (nuint)sizeof(nint));
        }

        internal static void Fill(ref byte destination, nuint byteCount, byte value)
        {
            MemorySet((byte*)Unsafe.AsPointer(ref destination), value, byteCount);
        }

        /// <summary>Copies <paramref name="count"/> elements; the ranges may overlap. No write barrier: the heap never moves objects.</summary>
        internal static void Copy<T>(ref T destination, ref T source, int count)
        {
            if (count <= 0)
            {
                return;
            }
            Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), (nuint)(uint)count * (nuint)Unsafe.SizeOf<T>());
        }

        /// <summary>Sets <paramref name="count"/> elements to their default value.</summary>
        internal static void ClearElements<T>(ref T destination, int count)
        {
            if (count <= 0)
            {
                return;
            }
            ClearWithoutReferences(ref Unsafe.As<T, byte>(ref destination), (nuint)(uint)count * (nuint)Unsafe.SizeOf<T>());
        }
    }
}
