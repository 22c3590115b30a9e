namespace System
{
    public readonly struct Double
    {
        private readonly double _value;
    }
}
