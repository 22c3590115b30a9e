namespace System
{
    public readonly struct Char
    {
        private readonly char _value;

        public const char MinValue = '\0';
        public const char MaxValue = '\uffff';
    }
}
