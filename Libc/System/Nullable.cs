namespace System
{
    public struct Nullable<T> where T : struct
    {
        // ilc finds these fields by name for boxing and unboxing.
        private readonly bool hasValue;
        internal T value;
    }
}
