using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// A type at run time. There is no reflection metadata in this system: a Type knows its MethodTable,
    /// which is enough for identity (typeof(A) == typeof(B)), and its name when the environment
    /// installed a symbol lookup (the kernel and programs keep their symbol table).
    /// </summary>
    public abstract unsafe class Type
    {
        internal abstract MethodTable* MethodTable { get; }

        public RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle(MethodTable);

        [Intrinsic]
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => handle.IsNull ? null : new RuntimeType(handle.Value);

        [Intrinsic]
        public static bool operator ==(Type left, Type right)
        {
            if ((object)left == (object)right)
            {
                return true;
            }
            if (left is null || right is null)
            {
                return false;
            }
            return left.MethodTable == right.MethodTable;
        }

        [Intrinsic]
        public static bool operator !=(Type left, Type right) => !(left == right);

        public override bool Equals(object obj) => obj is Type other && other.MethodTable == MethodTable;

        public override int GetHashCode() => (int)(nint)MethodTable;

        public bool IsValueType => MethodTable->IsValueType;

        public bool IsInterface => MethodTable->IsInterface;

        public bool IsArray => MethodTable->IsArray;

        /// <summary>The type's name from the symbol table, or its MethodTable address when no name is known.</summary>
        public string Name => TypeNames.NameOf(MethodTable);

        public override string ToString() => Name;
    }

    internal sealed unsafe class RuntimeType : Type
    {
        private readonly MethodTable* _type;

        internal RuntimeType(MethodTable* type)
        {
            _type = type;
        }

        internal override MethodTable* MethodTable => _type;
    }
}
