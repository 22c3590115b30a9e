using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>The root of the type hierarchy. Every object starts with a pointer to its MethodTable.</summary>
    public unsafe class Object
    {
        // ilc places the MethodTable pointer at offset 0 of every object and finds this field by its
        // name (m_pEEType) when it generates unboxing stubs for shared generic code.
        internal MethodTable* m_pEEType;

        internal MethodTable* _methodTable => m_pEEType;

        public Object() { }

        public virtual bool Equals(object obj) => this == obj;

        // The heap does not move objects, so an object's address is a stable identity hash.
        public virtual int GetHashCode()
        {
            nuint address = (nuint)Unsafe.AsPointer(this);
            return (int)(address ^ (address >> 32));
        }

        public virtual string ToString() => "System.Object";

        public static bool ReferenceEquals(object left, object right) => left == right;

        public static bool Equals(object left, object right)
        {
            if (left == right)
            {
                return true;
            }
            if (left == null || right == null)
            {
                return false;
            }
            return left.Equals(right);
        }

        internal MethodTable* GetMethodTable() => m_pEEType;
    }
}
