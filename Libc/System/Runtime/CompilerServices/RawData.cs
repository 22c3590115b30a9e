namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The layout of any object's data after its MethodTable pointer: ilc's unboxing stubs reach a boxed value
    /// through this type's first field (it looks the type up by name).
    /// </summary>
    internal sealed class RawData
    {
        public byte Data;
    }
}
