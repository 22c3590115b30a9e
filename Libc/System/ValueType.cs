using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Base of all value types. Without reflection, the default Equals and GetHashCode work on the raw bytes of
    /// the boxed value: fields that are references compare by identity (not by their own Equals), and
    /// floating-point fields compare bit for bit (so 0.0 and -0.0 differ). Structs that need more override them
    /// or implement IEquatable&lt;T&gt; (which the collections prefer).
    /// </summary>
    public abstract unsafe class ValueType
    {
        public override bool Equals(object obj)
        {
            if (obj == null || obj._methodTable != _methodTable)
            {
                return false;
            }
            nuint size = DataSize;
            byte* left = Data;
            byte* right = (byte*)Unsafe.AsPointer(obj) + sizeof(nint);
            for (nuint i = 0; i < size; i++)
            {
                if (left[i] != right[i])
                {
                    return false;
                }
            }
            return true;
        }

        // FNV-1a over the value's bytes: equal values hash alike, as Equals above demands.
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            nuint size = DataSize;
            byte* data = Data;
            for (nuint i = 0; i < size; i++)
            {
                hash = (hash ^ data[i]) * 16777619;
            }
            return (int)hash;
        }

        /// <summary>The type's name when the environment can name it (see Type.Name).</summary>
        public override string ToString() => TypeNames.NameOf(_methodTable);

        // ilc stores, in the low flags of a value type's MethodTable, how many bytes of BaseSize are alignment
        // padding after the fields (bits 5-7). Those bytes hold whatever the boxing copy brought along.
        private const uint ValueTypeFieldPaddingMask = 0xE0;
        private const int ValueTypeFieldPaddingShift = 5;

        private byte* Data => (byte*)Unsafe.AsPointer(this) + sizeof(nint);

        // The box holds the header, the MethodTable pointer, the fields, then padding (BaseSize counts all four).
        private nuint DataSize => _methodTable->BaseSize - (nuint)(ManagedHeap.ObjectHeaderSize + sizeof(nint))
            - ((_methodTable->Flags & ValueTypeFieldPaddingMask) >> ValueTypeFieldPaddingShift);
    }
}
