namespace System
{
    public readonly struct Int32
    {
        private readonly int _value;

        public const int MinValue = -2147483648;
        public const int MaxValue = 2147483647;

        public override string ToString() => Internal.Formatting.NumberFormatting.FormatInt64(_value);
    }
}
