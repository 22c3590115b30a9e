namespace System
{
    public readonly struct SByte
    {
        private readonly sbyte _value;

        public const sbyte MinValue = -128;
        public const sbyte MaxValue = 127;
    }
}
