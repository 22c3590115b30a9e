namespace System
{
    /// <summary>Releases what an object holds; `using` calls it.</summary>
    public interface IDisposable
    {
        void Dispose();
    }
}
