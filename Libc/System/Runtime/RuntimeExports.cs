using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Runtime entry points ilc's generated code calls by symbol name: throwing, boxing and unboxing,
    /// transitions to and from native code, and the fail-fast path.
    /// </summary>
    internal static unsafe class RuntimeExports
    {
        /// <summary>`throw ex`. Until exception dispatch exists, a throw ends the program with the exception's type and message.</summary>
        [RuntimeExport("RhpThrowEx")]
        private static void ThrowException(object exception)
        {
            ExceptionReporting.Unhandled(exception);
        }

        [RuntimeExport("RhpRethrow")]
        private static void Rethrow()
        {
            FatalError.Fail("rethrow outside a catch handler");
        }

        [RuntimeExport("RhpFallbackFailFast")]
        private static void FallbackFailFast()
        {
            FatalError.Fail("fail-fast: the stack cookie was overwritten (buffer overrun)");
        }

        // Managed code calls native code and back without any runtime bookkeeping: there is no
        // cooperative-mode GC to coordinate with.
        [RuntimeExport("RhpReversePInvoke")]
        private static void ReversePInvoke(nint frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        private static void ReversePInvokeReturn(nint frame) { }

        [RuntimeExport("RhpPInvoke")]
        private static void PInvoke(nint frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        private static void PInvokeReturn(nint frame) { }

        /// <summary>Size of a value type's data inside its boxed form.</summary>
        internal static nuint ValueTypeSize(MethodTable* type) => type->BaseSize - (nuint)(ManagedHeap.ObjectHeaderSize + sizeof(nint));

        [RuntimeExport("RhBox")]
        internal static object RhBox(MethodTable* type, ref byte data)
        {
            if (type->IsNullable)
            {
                // Nullable<T> boxes to null or to a boxed T. Its first field is the hasValue flag.
                if (data == 0)
                {
                    return null;
                }
                MethodTable* underlying = type->RelatedType;
                return RhBox(underlying, ref Unsafe.Add(ref data, NullableValueOffset(underlying)));
            }
            object box = ManagedHeap.NewObject(type);
            byte* destination = (byte*)Unsafe.AsPointer(box) + sizeof(nint);
            SpanHelpers.MemoryMove(destination, (byte*)Unsafe.AsPointer(ref data), ValueTypeSize(type));
            return box;
        }

        [RuntimeExport("RhUnbox2")]
        internal static ref byte RhUnbox2(MethodTable* type, object box)
        {
            if (box == null)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            }
            if (box._methodTable != type && !SameUnderlyingPrimitive(box._methodTable, type))
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidCastException();
            }
            return ref *((byte*)Unsafe.AsPointer(box) + sizeof(nint));
        }

        [RuntimeExport("RhUnboxNullable")]
        internal static void RhUnboxNullable(ref byte destination, MethodTable* nullableType, object box)
        {
            MethodTable* underlying = nullableType->RelatedType;
            nuint valueOffset = (nuint)NullableValueOffset(underlying);
            byte* target = (byte*)Unsafe.AsPointer(ref destination);
            if (box == null)
            {
                SpanHelpers.MemorySet(target, 0, valueOffset + ValueTypeSize(underlying));
                return;
            }
            if (box._methodTable != underlying && !SameUnderlyingPrimitive(box._methodTable, underlying))
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidCastException();
            }
            *target = 1;
            SpanHelpers.MemoryMove(target + valueOffset, (byte*)Unsafe.AsPointer(box) + sizeof(nint), ValueTypeSize(underlying));
        }

        /// <summary>Offset of Nullable&lt;T&gt;.value: T's alignment, taken as the largest power of two (up to 8) dividing its size.</summary>
        private static int NullableValueOffset(MethodTable* underlying)
        {
            nuint size = ValueTypeSize(underlying);
            if (underlying->ElementType >= ElementType.Boolean && underlying->ElementType <= ElementType.Double)
            {
                size = PrimitiveSize(underlying->ElementType);
            }
            if (size >= 8 && (size & 7) == 0)
            {
                return 8;
            }
            if ((size & 3) == 0)
            {
                return 4;
            }
            if ((size & 1) == 0)
            {
                return 2;
            }
            return 1;
        }

        private static nuint PrimitiveSize(ElementType elementType)
        {
            switch (elementType)
            {
                case ElementType.Boolean:
                case ElementType.SByte:
                case ElementType.Byte:
                    return 1;
                case ElementType.Char:
                case ElementType.Int16:
                case ElementType.UInt16:
                    return 2;
                case ElementType.Int32:
                case ElementType.UInt32:
                case ElementType.Single:
                    return 4;
                default:
                    return 8;
            }
        }

        // An enum boxed as its underlying type (and vice versa) may be unboxed as the other.
        private static bool SameUnderlyingPrimitive(MethodTable* left, MethodTable* right)
        {
            ElementType leftElement = left->ElementType;
            return leftElement >= ElementType.Boolean && leftElement <= ElementType.UIntPtr && leftElement == right->ElementType;
        }
    }
}
