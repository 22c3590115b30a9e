namespace System
{
    /// <summary>Ordering against an object of unknown type: negative, zero or positive.</summary>
    public interface IComparable
    {
        int CompareTo(object obj);
    }

    /// <summary>Type-specific ordering; Comparer&lt;T&gt;.Default calls it without boxing.</summary>
    public interface IComparable<in T>
    {
        int CompareTo(T other);
    }
}
