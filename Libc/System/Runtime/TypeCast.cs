using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// The casting helpers ilc's code calls for `is`, `as`, casts and stores into arrays of references.
    /// All types come from one compiled module, so a type is identified by its MethodTable address.
    /// Generic variance (e.g. IEnumerable&lt;string&gt; as IEnumerable&lt;object&gt;) is honoured for
    /// interfaces and delegates whose type arguments are reference types of the same definition.
    /// </summary>
    internal static unsafe class TypeCast
    {
        private const int ArrayDataOffset = 16; // MethodTable*, int length, padding

        internal static object IsInstanceOfClass(MethodTable* targetType, object obj)
        {
            if (obj == null)
            {
                return null;
            }
            MethodTable* type = obj._methodTable;
            if (type == targetType)
            {
                return obj;
            }
            return IsAssignable(type, targetType) ? obj : null;
        }

        internal static object IsInstanceOfInterface(MethodTable* targetType, object obj)
        {
            if (obj == null)
            {
                return null;
            }
            return ImplementsInterface(obj._methodTable, targetType) ? obj : null;
        }

        internal static object IsInstanceOfAny(MethodTable* targetType, object obj)
        {
            if (obj == null)
            {
                return null;
            }
            return IsAssignable(obj._methodTable, targetType) ? obj : null;
        }

        internal static bool IsInstanceOfException(MethodTable* targetType, object obj)
        {
            return obj != null && IsAssignable(obj._methodTable, targetType);
        }

        internal static object CheckCastClass(MethodTable* targetType, object obj)
        {
            if (obj == null || obj._methodTable == targetType || IsAssignable(obj._methodTable, targetType))
            {
                return obj;
            }
            ThrowInvalidCast(obj._methodTable, targetType);
            return null;
        }

        internal static object CheckCastClassSpecial(MethodTable* targetType, object obj) => CheckCastClass(targetType, obj);

        internal static object CheckCastInterface(MethodTable* targetType, object obj)
        {
            if (obj == null || ImplementsInterface(obj._methodTable, targetType))
            {
                return obj;
            }
            ThrowInvalidCast(obj._methodTable, targetType);
            return null;
        }

        internal static object CheckCastAny(MethodTable* targetType, object obj)
        {
            if (obj == null || IsAssignable(obj._methodTable, targetType))
            {
                return obj;
            }
            ThrowInvalidCast(obj._methodTable, targetType);
            return null;
        }

        /// <summary>array[index] = obj for arrays of references, with the covariance check.</summary>
        internal static void StelemRef(object[] array, nint index, object obj)
        {
            // Deliberately no array[index] here: that would call this helper again.
            byte* arrayAddress = (byte*)Unsafe.AsPointer(array);
            if (arrayAddress == null)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            }
            int length = *(int*)(arrayAddress + sizeof(nint));
            if ((nuint)index >= (uint)length)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
            }
            ref object element = ref Unsafe.AsRef<object>(arrayAddress + ArrayDataOffset + index * sizeof(nint));
            if (obj == null)
            {
                element = null;
                return;
            }
            MethodTable* elementType = ((object)array)._methodTable->ParameterType;
            if (obj._methodTable != elementType && !IsObjectType(elementType) && !IsAssignable(obj._methodTable, elementType))
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArrayTypeMismatchException();
            }
            element = obj;
        }

        /// <summary>ref array[index] for arrays of references; the exact element type must match.</summary>
        internal static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            byte* arrayAddress = (byte*)Unsafe.AsPointer(array);
            if (arrayAddress == null)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
            }
            int length = *(int*)(arrayAddress + sizeof(nint));
            if ((nuint)index >= (uint)length)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
            }
            if (((object)array)._methodTable->ParameterType != elementType)
            {
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArrayTypeMismatchException();
            }
            return ref Unsafe.AsRef<object>(arrayAddress + ArrayDataOffset + index * sizeof(nint));
        }

        /// <summary>Can a value of type <paramref name="source"/> be stored in a location of type <paramref name="target"/>?</summary>
        internal static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target)
            {
                return true;
            }
            if (target->IsInterface)
            {
                return ImplementsInterface(source, target);
            }
            if (target->IsNullable)
            {
                // A boxed T is an instance of Nullable<T>.
                return source == target->NullableUnderlyingType;
            }
            if (source->IsValueType)
            {
                // Boxed value types are instances of their own type, ValueType/Enum and Object only.
                return IsClassAncestor(source, target);
            }
            if (IsObjectType(target))
            {
                return true;
            }
            if (source->IsArray)
            {
                if (target->ElementType == ElementType.SystemArray)
                {
                    return true;
                }
                if (!target->IsArray || source->BaseSize != target->BaseSize || source->ElementType != target->ElementType)
                {
                    return false;
                }
                MethodTable* sourceElement = source->ParameterType;
                MethodTable* targetElement = target->ParameterType;
                if (sourceElement == targetElement)
                {
                    return true;
                }
                // Array covariance holds for reference-type elements only.
                return !sourceElement->IsValueType && !targetElement->IsValueType && IsAssignable(sourceElement, targetElement);
            }
            return IsClassAncestor(source, target);
        }

        private static bool IsClassAncestor(MethodTable* source, MethodTable* target)
        {
            if (source->IsParameterized)
            {
                return false;
            }
            MethodTable* type = source->BaseType;
            while (type != null)
            {
                if (type == target)
                {
                    return true;
                }
                type = type->BaseType;
            }
            return false;
        }

        internal static bool ImplementsInterface(MethodTable* source, MethodTable* targetInterface)
        {
            if (source == targetInterface)
            {
                return true;
            }
            MethodTable** interfaces = source->InterfaceMap;
            int count = source->NumInterfaces;
            for (int i = 0; i < count; i++)
            {
                if (interfaces[i] == targetInterface)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>System.Object: a class with no base type.</summary>
        private static bool IsObjectType(MethodTable* type)
        {
            return type->ElementType == ElementType.Class && type->RelatedType == null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowInvalidCast(MethodTable* source, MethodTable* target)
        {
            throw new InvalidCastException();
        }
    }
}
