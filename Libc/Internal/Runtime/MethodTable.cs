namespace Internal.Runtime
{
    /// <summary>
    /// The runtime description of a type, as ilc emits it (the .NET 10 NativeAOT layout):
    /// a flags word whose low 16 bits are the component size of arrays and strings, the base size,
    /// the related type (base type, or element type of an array), the counts of vtable slots and
    /// interfaces, a hash code, then the vtable and the interface list.
    /// </summary>
    public unsafe struct MethodTable
    {
        public const uint KindMask = 0x00030000;
        public const uint HasDispatchMapFlag = 0x00040000;
        public const uint IsDynamicTypeFlag = 0x00080000;
        public const uint HasFinalizerFlag = 0x00100000;
        public const uint HasSealedVirtualSlotsFlag = 0x00400000;
        public const uint GenericVarianceFlag = 0x00800000;
        public const uint HasPointersFlag = 0x01000000;
        public const uint IsGenericFlag = 0x02000000;
        public const uint ElementTypeMask = 0x7C000000;
        public const int ElementTypeShift = 26;
        public const uint HasComponentSizeFlag = 0x80000000;

        public const uint ParameterizedKind = 0x00020000;

        public uint Flags;
        public uint BaseSize;
        public MethodTable* RelatedType;
        public ushort NumVirtualSlots;
        public ushort NumInterfaces;
        public uint HashCode;

        public bool HasComponentSize => (Flags & HasComponentSizeFlag) != 0;

        public ushort ComponentSize => HasComponentSize ? (ushort)Flags : (ushort)0;

        public bool HasPointers => (Flags & HasPointersFlag) != 0;

        public bool HasFinalizer => (Flags & HasFinalizerFlag) != 0;

        public bool HasDispatchMap => (Flags & HasDispatchMapFlag) != 0;

        public bool HasSealedVirtualSlots => (Flags & HasSealedVirtualSlotsFlag) != 0;

        public bool IsGeneric => (Flags & IsGenericFlag) != 0;

        public bool HasGenericVariance => (Flags & GenericVarianceFlag) != 0;

        public ElementType ElementType => (ElementType)((Flags & ElementTypeMask) >> ElementTypeShift);

        public bool IsParameterized => (Flags & KindMask) == ParameterizedKind;

        public bool IsArray => ElementType == ElementType.SzArray || ElementType == ElementType.Array;

        public bool IsInterface => ElementType == ElementType.Interface;

        public bool IsValueType => ElementType < ElementType.Class;

        public bool IsNullable => ElementType == ElementType.Nullable;

        /// <summary>For Nullable&lt;T&gt;: T's MethodTable (its single generic argument).</summary>
        public MethodTable* NullableUnderlyingType
        {
            get
            {
                fixed (MethodTable* self = &this)
                {
                    return (MethodTable*)InterfaceDispatch.RelativeField(self, 6);
                }
            }
        }

        /// <summary>For Nullable&lt;T&gt;: offset of the value field, stored by ilc as a power of two in flag bits 8-10.</summary>
        public int NullableValueOffset => 1 << (int)((Flags & 0x700) >> 8);

        /// <summary>The base type of a class; null for Object and interfaces.</summary>
        public MethodTable* BaseType => IsParameterized ? null : RelatedType;

        /// <summary>The element type of an array or pointer type.</summary>
        public MethodTable* ParameterType => RelatedType;

        /// <summary>Address of the first vtable slot, which directly follows the fixed header.</summary>
        public nint* VirtualSlots
        {
            get
            {
                fixed (MethodTable* self = &this)
                {
                    return (nint*)((byte*)self + sizeof(MethodTable));
                }
            }
        }

        /// <summary>The interface list follows the vtable: one MethodTable pointer per interface.</summary>
        public MethodTable** InterfaceMap => (MethodTable**)(VirtualSlots + NumVirtualSlots);

        /// <summary>Size in bytes of the fixed part of the MethodTable including vtable and interface list.</summary>
        public nuint PointerAreaEnd => (nuint)(InterfaceMap + NumInterfaces);
    }

    /// <summary>The element type stored in the MethodTable flags (EETypeElementType).</summary>
    public enum ElementType : byte
    {
        Unknown = 0x00,
        Void = 0x01,
        Boolean = 0x02,
        Char = 0x03,
        SByte = 0x04,
        Byte = 0x05,
        Int16 = 0x06,
        UInt16 = 0x07,
        Int32 = 0x08,
        UInt32 = 0x09,
        Int64 = 0x0A,
        UInt64 = 0x0B,
        IntPtr = 0x0C,
        UIntPtr = 0x0D,
        Single = 0x0E,
        Double = 0x0F,
        ValueType = 0x10,
        Nullable = 0x12,
        Class = 0x14,
        Interface = 0x15,
        SystemArray = 0x16,
        Array = 0x17,
        SzArray = 0x18,
        ByRef = 0x19,
        Pointer = 0x1A,
        FunctionPointer = 0x1B,
    }
}
