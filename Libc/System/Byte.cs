namespace System
{
    public readonly struct Byte
    {
        private readonly byte _value;

        public const byte MinValue = 0;
        public const byte MaxValue = 255;
    }
}
