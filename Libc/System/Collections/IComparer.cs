namespace System.Collections
{
    /// <summary>Ordering of two objects of unknown type.</summary>
    public interface IComparer
    {
        int Compare(object x, object y);
    }

    /// <summary>Equality and hashing of objects of unknown type.</summary>
    public interface IEqualityComparer
    {
        bool Equals(object x, object y);

        int GetHashCode(object obj);
    }
}
