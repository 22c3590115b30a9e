namespace System
{
    /// <summary>Base of all arrays. The length follows the MethodTable pointer; elements follow the length.</summary>
    public abstract class Array
    {
        private readonly int _length;
        private readonly int _padding;

        public int Length => _length;
    }

    // ilc expects a generic Array<T> to hang the IList<T>-style members of T[] on.
    internal class Array<T> : Array
    {
    }
}
