namespace System.Runtime.InteropServices
{
    /// <summary>ilc requires this interface to exist; no type in this system implements it.</summary>
    public interface IDynamicInterfaceCastable
    {
        bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

        RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);

        // ilc looks this method up by name; it is never called because nothing implements the interface.
        static IntPtr GetDynamicInterfaceImplementation(object instance, IntPtr interfaceType, ushort slot) => default;
    }
}
