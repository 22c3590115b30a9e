using System.Globalization;
using Internal.Formatting;

namespace System
{
    /// <summary>The pointer-sized signed integer `nint` (64 bits here). C# supplies its arithmetic and conversions.</summary>
    public readonly unsafe struct IntPtr : IComparable, IComparable<nint>, IEquatable<nint>, ISpanFormattable
    {
        private readonly nint _value;

        public static readonly nint Zero;

        public IntPtr(int value)
        {
            _value = value;
        }

        public IntPtr(long value)
        {
            _value = (nint)value;
        }

        public IntPtr(void* value)
        {
            _value = (nint)value;
        }

        public static int Size => sizeof(nint);

        public static nint MaxValue => unchecked((nint)long.MaxValue);

        public static nint MinValue => unchecked((nint)long.MinValue);

        public int ToInt32() => checked((int)_value);

        public long ToInt64() => _value;

        public void* ToPointer() => (void*)_value;

        public int CompareTo(nint value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is nint other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type IntPtr.");
        }

        public bool Equals(nint other) => _value == other;

        public override bool Equals(object obj) => obj is nint other && _value == other;

        public override int GetHashCode() => (int)_value ^ (int)((long)_value >> 32);

        public override string ToString() => NumberFormatting.FormatInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatInt64(_value, sizeof(nint), format);

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatInt64(_value, sizeof(nint), format, destination, out charsWritten);

        public static nint Parse(string s) => Parse(s, NumberStyles.Integer);

        public static nint Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            ParseStatus status = NumberParsing.TryParseSigned(s, style, sizeof(nint), out long value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "IntPtr");
            }
            return (nint)value;
        }

        public static bool TryParse(string s, out nint result)
        {
            bool success = NumberParsing.TryParseSigned(s.AsSpan(), NumberStyles.Integer, sizeof(nint), out long value) == ParseStatus.Success;
            result = success ? (nint)value : 0;
            return success;
        }
    }
}
