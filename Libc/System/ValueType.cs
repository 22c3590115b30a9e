namespace System
{
    /// <summary>Base of all value types. Equality of boxed value types is decided by the derived type.</summary>
    public abstract class ValueType
    {
    }
}
