using Internal.Runtime;

namespace System
{
    /// <summary>What ldtoken yields for a type: the address of its MethodTable.</summary>
    public unsafe struct RuntimeTypeHandle
    {
        private readonly MethodTable* _value;

        internal RuntimeTypeHandle(MethodTable* value)
        {
            _value = value;
        }

        internal MethodTable* Value => _value;

        internal bool IsNull => _value == null;

        public override bool Equals(object obj) => obj is RuntimeTypeHandle other && other._value == _value;

        public override int GetHashCode() => (int)(nint)_value;
    }

    public struct RuntimeMethodHandle
    {
        private readonly IntPtr _value;
    }

    public struct RuntimeFieldHandle
    {
        private readonly IntPtr _value;
    }
}
