namespace System
{
    public readonly struct Int16
    {
        private readonly short _value;

        public const short MinValue = -32768;
        public const short MaxValue = 32767;
    }
}
