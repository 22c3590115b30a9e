namespace System
{
    public readonly struct UInt64
    {
        private readonly ulong _value;

        public const ulong MinValue = 0;
        public const ulong MaxValue = 18446744073709551615;
    }
}
