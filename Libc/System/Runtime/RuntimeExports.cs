using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Runtime entry points ilc's generated code calls by symbol name: boxing and unboxing,
    /// transitions to and from native code, and the fail-fast path.
    /// </summary>
    internal static unsafe class RuntimeExports
    {
        // `throw` (RhpThrowEx) and `throw;` (RhpRethrow) are in Native/exception_dispatch.asm: they capture the
        // thrower's registers and enter Internal.Runtime.ExceptionHandling.ExceptionDispatcher.

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
                MethodTable* underlying = type->NullableUnderlyingType;
                return RhBox(underlying, ref Unsafe.Add(ref data, type->NullableValueOffset));
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
            MethodTable* underlying = nullableType->NullableUnderlyingType;
            nuint valueOffset = (nuint)nullableType->NullableValueOffset;
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

        // An enum boxed as its underlying type (and vice versa) may be unboxed as the other.
        private static bool SameUnderlyingPrimitive(MethodTable* left, MethodTable* right)
        {
            ElementType leftElement = left->ElementType;
            return leftElement >= ElementType.Boolean && leftElement <= ElementType.UIntPtr && leftElement == right->ElementType;
        }
    }
}
