namespace System
{
    /// <summary>Type-specific equality; EqualityComparer&lt;T&gt;.Default calls it without boxing.</summary>
    public interface IEquatable<T>
    {
        bool Equals(T other);
    }
}
