using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace Libc.Tests
{
    /// <summary>
    /// MethodTables built by hand in host memory, with a GCDesc below them laid out as ilc lays it out (the collector's
    /// GcDescriptor documents the format; gctest's "descriptors" mode checks it against real ilc output). Freed with the
    /// instance.
    /// </summary>
    internal sealed unsafe class SyntheticTypes : IDisposable
    {
        private readonly List<IntPtr> _blocks = new List<IntPtr>();

        /// <summary>A class of <paramref name="baseSize"/> bytes (header included) with the given series {size relative to the object size, offset}.</summary>
        public MethodTable* Class(uint baseSize, params (long Size, long Offset)[] series)
        {
            long[] words = new long[1 + 2 * series.Length];
            words[0] = series.Length;
            for (int i = 0; i < series.Length; i++)
            {
                // Series i sits at MethodTable - 24 - 16 i: size first (lower address), then offset.
                words[1 + 2 * i] = series[i].Offset;
                words[2 + 2 * i] = series[i].Size;
            }
            uint flags = (uint)ElementType.Class << MethodTable.ElementTypeShift;
            return Build(flags | (series.Length > 0 ? MethodTable.HasPointersFlag : 0), baseSize, series.Length > 0 ? words : System.Array.Empty<long>());
        }

        /// <summary>An array type whose elements are <paramref name="componentSize"/> bytes, with the given series (arrays of references: one series).</summary>
        public MethodTable* Array(ushort componentSize, params (long Size, long Offset)[] series)
        {
            MethodTable* type = Class(24, series);
            type->Flags = (type->Flags & MethodTable.HasPointersFlag) | MethodTable.HasComponentSizeFlag | componentSize
                | ((uint)ElementType.SzArray << MethodTable.ElementTypeShift) | MethodTable.ParameterizedKind;
            return type;
        }

        /// <summary>An array of structs: the first reference at <paramref name="startOffset"/>, then the repeating {pointer count, skip bytes} items.</summary>
        public MethodTable* StructArray(ushort componentSize, long startOffset, params (uint Pointers, uint Skip)[] pattern)
        {
            long[] words = new long[2 + pattern.Length];
            words[0] = -pattern.Length;
            words[1] = startOffset;
            for (int i = 0; i < pattern.Length; i++)
            {
                words[2 + i] = (long)pattern[i].Pointers | ((long)pattern[i].Skip << 32);
            }
            uint flags = MethodTable.HasPointersFlag | MethodTable.HasComponentSizeFlag | componentSize
                | ((uint)ElementType.SzArray << MethodTable.ElementTypeShift) | MethodTable.ParameterizedKind;
            return Build(flags, 24, words);
        }

        /// <summary>A type whose descriptor words (from MethodTable - 8 downwards) are exactly <paramref name="words"/>.</summary>
        public MethodTable* WithDescriptorWords(uint baseSize, params long[] words) =>
            Build(MethodTable.HasPointersFlag | ((uint)ElementType.Class << MethodTable.ElementTypeShift), baseSize, words);

        private MethodTable* Build(uint flags, uint baseSize, long[] descriptorWords)
        {
            int below = descriptorWords.Length * sizeof(long);
            byte* block = (byte*)NativeMemory.AllocZeroed((nuint)(below + sizeof(MethodTable) + 64));
            _blocks.Add((IntPtr)block);
            MethodTable* type = (MethodTable*)(block + below);
            long* words = (long*)type;
            for (int i = 0; i < descriptorWords.Length; i++)
            {
                words[-1 - i] = descriptorWords[i];
            }
            type->Flags = flags;
            type->BaseSize = baseSize;
            return type;
        }

        public void Dispose()
        {
            foreach (IntPtr block in _blocks)
            {
                NativeMemory.Free((void*)block);
            }
            _blocks.Clear();
        }
    }
}
