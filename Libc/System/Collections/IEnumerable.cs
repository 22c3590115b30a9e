namespace System.Collections
{
    /// <summary>Something `foreach` can walk, yielding objects.</summary>
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    /// <summary>A cursor over a sequence: MoveNext first, then Current.</summary>
    public interface IEnumerator
    {
        object Current { get; }

        bool MoveNext();

        void Reset();
    }
}
