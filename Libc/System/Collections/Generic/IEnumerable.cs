namespace System.Collections.Generic
{
    /// <summary>A sequence of T that `foreach` can walk.</summary>
    public interface IEnumerable<out T> : IEnumerable
    {
        new IEnumerator<T> GetEnumerator();
    }

    /// <summary>A cursor over a sequence of T.</summary>
    public interface IEnumerator<out T> : IDisposable, IEnumerator
    {
        new T Current { get; }
    }
}
