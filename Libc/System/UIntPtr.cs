namespace System
{
    public readonly struct UIntPtr
    {
        private readonly nuint _value;
    }
}
