namespace Internal.Runtime.GarbageCollection
{
    /// <summary>Receives the address of each reference field of an object (see <see cref="GcDescriptor"/>).</summary>
    public unsafe interface IReferenceSlotVisitor
    {
        void Visit(nuint* slot);
    }

    /// <summary>
    /// Where the references inside an object are, read from the GCDesc that ilc emits just below a MethodTable whose
    /// HasPointers flag is set (checked against ilc 10.0.14's output; docs/ARCHITECTURE.md, "The heap and the collector").
    /// The word at MethodTable − 8 is the series count N. When N &gt; 0, series i (0 … N−1) is the pair of words at
    /// MethodTable − 24 − 16·i: {size, offset}; the references fill [object + offset, object + offset + size + object
    /// size), where "object" is the reference (the MethodTable word) and the object size counts the header, the base size
    /// and the array elements. When N &lt; 0 (arrays of structs with references), the word at MethodTable − 16 is the
    /// offset of the first element's first reference and −N 32-bit pairs {pointer count, skip bytes} at MethodTable − 24
    /// going down describe one element; the pattern repeats up to the end of the array.
    /// </summary>
    public static unsafe class GcDescriptor
    {
        /// <summary>More series than this means the MethodTable (or what was taken for one) is corrupt.</summary>
        public const int MaximumSeriesCount = 4096;

        /// <summary>The object's size in bytes, from the header word to the end of its fields or elements.</summary>
        public static nuint ObjectSize(MethodTable* type, byte* objectReference)
        {
            nuint size = type->BaseSize;
            if (type->HasComponentSize)
            {
                size += (nuint)(uint)*(int*)(objectReference + sizeof(nint)) * type->ComponentSize;
            }
            return (size + 7) & ~(nuint)7;
        }

        /// <summary>
        /// Calls <paramref name="visitor"/> for every reference slot of the object at <paramref name="objectReference"/>
        /// (the address of its MethodTable word) whose size is <paramref name="objectSize"/>. Returns false, visiting
        /// nothing, when the descriptor is malformed (a corrupt heap).
        /// </summary>
        public static bool VisitReferences<TVisitor>(MethodTable* type, byte* objectReference, nuint objectSize, ref TVisitor visitor)
            where TVisitor : struct, IReferenceSlotVisitor
        {
            if (!type->HasPointers)
            {
                return true;
            }
            nint* descriptor = (nint*)type;
            nint seriesCount = descriptor[-1];
            if (seriesCount > 0)
            {
                if (seriesCount > MaximumSeriesCount)
                {
                    return false;
                }
                for (nint i = 0; i < seriesCount; i++)
                {
                    nint* series = descriptor - 3 - 2 * i;
                    nint length = series[0] + (nint)objectSize;
                    nint offset = series[1];
                    // The object ends objectSize - 8 bytes after the reference (its size counts the header word before it).
                    if (offset < sizeof(nint) || length < 0 || offset + length > (nint)objectSize - sizeof(nint))
                    {
                        return false;
                    }
                    nuint* slot = (nuint*)(objectReference + offset);
                    nuint* end = (nuint*)(objectReference + offset + length);
                    for (; slot < end; slot++)
                    {
                        visitor.Visit(slot);
                    }
                }
                return true;
            }
            if (seriesCount == 0 || seriesCount < -MaximumSeriesCount)
            {
                return false;
            }
            return VisitRepeatingPattern(descriptor, (int)-seriesCount, objectReference, objectSize, ref visitor);
        }

        private static bool VisitRepeatingPattern<TVisitor>(nint* descriptor, int itemCount, byte* objectReference, nuint objectSize, ref TVisitor visitor)
            where TVisitor : struct, IReferenceSlotVisitor
        {
            nint startOffset = descriptor[-2];
            uint* firstItem = (uint*)(descriptor - 3);
            // The object size counts the header word before the reference: the elements end 8 bytes before reference + size.
            byte* end = objectReference + objectSize - sizeof(nint);
            byte* cursor = objectReference + startOffset;
            if (startOffset < sizeof(nint))
            {
                return false;
            }
            nuint patternBytes = 0;
            for (int item = 0; item < itemCount; item++)
            {
                uint* pair = firstItem - 2 * item;
                patternBytes += (nuint)pair[0] * (nuint)sizeof(nint) + pair[1];
            }
            if (patternBytes == 0)
            {
                return false;
            }
            while (cursor < end)
            {
                for (int item = 0; item < itemCount; item++)
                {
                    uint* pair = firstItem - 2 * item;
                    nuint* slot = (nuint*)cursor;
                    nuint* stop = slot + pair[0];
                    if ((byte*)stop > end)
                    {
                        return false;
                    }
                    for (; slot < stop; slot++)
                    {
                        visitor.Visit(slot);
                    }
                    cursor = (byte*)stop + pair[1];
                }
            }
            return true;
        }
    }
}
