namespace System
{
    public readonly struct UInt16
    {
        private readonly ushort _value;

        public const ushort MinValue = 0;
        public const ushort MaxValue = 65535;
    }
}
