using System.Globalization;
using Internal.Formatting;

namespace System
{
    /// <summary>The pointer-sized unsigned integer `nuint` (64 bits here). C# supplies its arithmetic and conversions.</summary>
    public readonly unsafe struct UIntPtr : IComparable, IComparable<nuint>, IEquatable<nuint>, ISpanFormattable
    {
        private readonly nuint _value;

        public static readonly nuint Zero;

        public UIntPtr(uint value)
        {
            _value = value;
        }

        public UIntPtr(ulong value)
        {
            _value = (nuint)value;
        }

        public UIntPtr(void* value)
        {
            _value = (nuint)value;
        }

        public static int Size => sizeof(nuint);

        public static nuint MaxValue => unchecked((nuint)ulong.MaxValue);

        public static nuint MinValue => 0;

        public uint ToUInt32() => checked((uint)_value);

        public ulong ToUInt64() => _value;

        public void* ToPointer() => (void*)_value;

        public int CompareTo(nuint value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is nuint other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type UIntPtr.");
        }

        public bool Equals(nuint other) => _value == other;

        public override bool Equals(object obj) => obj is nuint other && _value == other;

        public override int GetHashCode() => (int)_value ^ (int)((ulong)_value >> 32);

        public override string ToString() => NumberFormatting.FormatUInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatUInt64(_value, format);

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatUInt64(_value, format, destination, out charsWritten);

        public static nuint Parse(string s) => Parse(s, NumberStyles.Integer);

        public static nuint Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            ParseStatus status = NumberParsing.TryParseUnsigned(s, style, sizeof(nuint), out ulong value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "UIntPtr");
            }
            return (nuint)value;
        }

        public static bool TryParse(string s, out nuint result)
        {
            bool success = NumberParsing.TryParseUnsigned(s.AsSpan(), NumberStyles.Integer, sizeof(nuint), out ulong value) == ParseStatus.Success;
            result = success ? (nuint)value : 0;
            return success;
        }
    }
}
