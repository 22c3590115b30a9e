namespace System
{
    public readonly struct Int64
    {
        private readonly long _value;

        public const long MinValue = -9223372036854775808;
        public const long MaxValue = 9223372036854775807;
    }
}
