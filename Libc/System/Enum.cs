namespace System
{
    /// <summary>Base of all enumerations; boxed enums carry their underlying primitive value.</summary>
    public abstract class Enum : ValueType
    {
    }
}
