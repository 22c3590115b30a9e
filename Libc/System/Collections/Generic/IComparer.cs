namespace System.Collections.Generic
{
    /// <summary>Ordering of two T values: negative when x sorts first, zero when equal, positive otherwise.</summary>
    public interface IComparer<in T>
    {
        int Compare(T x, T y);
    }

    /// <summary>Equality and hashing of T values; equal values must hash alike.</summary>
    public interface IEqualityComparer<in T>
    {
        bool Equals(T x, T y);

        int GetHashCode(T obj);
    }
}
