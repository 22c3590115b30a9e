namespace System
{
    public readonly struct UInt32
    {
        private readonly uint _value;

        public const uint MinValue = 0;
        public const uint MaxValue = 4294967295;
    }
}
