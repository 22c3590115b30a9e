namespace System
{
    public readonly struct IntPtr
    {
        private readonly nint _value;
    }
}
