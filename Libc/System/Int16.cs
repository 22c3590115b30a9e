using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 16-bit signed integer `short`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct Int16 : IComparable, IComparable<short>, IEquatable<short>, ISpanFormattable
    {
        private readonly short _value;

        public const short MinValue = -32768;
        public const short MaxValue = 32767;

        public int CompareTo(short value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is short other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Int16.");
        }

        public bool Equals(short obj) => _value == obj;

        public override bool Equals(object obj) => obj is short other && _value == other;

        public override int GetHashCode() => _value;

        public override string ToString() => NumberFormatting.FormatInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatInt64(_value, sizeof(short), format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatInt64(_value, sizeof(short), format, destination, out charsWritten);

        public static short Parse(string s) => Parse(s, NumberStyles.Integer);

        public static short Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static short Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static short Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseSigned(s, style, sizeof(short), out long value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "Int16");
            }
            return (short)value;
        }

        public static bool TryParse(string s, out short result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result)
        {
            bool success = NumberParsing.TryParseSigned(s, style, sizeof(short), out long value) == ParseStatus.Success;
            result = success ? (short)value : (short)0;
            return success;
        }

        public static short Min(short x, short y) => Math.Min(x, y);

        public static short Max(short x, short y) => Math.Max(x, y);

        public static short Clamp(short value, short min, short max) => Math.Clamp(value, min, max);

        /// <summary>|value|; OverflowException for MinValue.</summary>
        public static short Abs(short value) => Math.Abs(value);

        public static int Sign(short value) => Math.Sign(value);

        public static bool IsNegative(short value) => value < 0;

        /// <summary>floor(log2(value)); 0 for 0. ArgumentOutOfRangeException for negative values.</summary>
        public static short Log2(short value)
        {
            if (value < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            }
            return (short)BitOperations.Log2((uint)(ushort)value);
        }

        public static short PopCount(short value) => (short)BitOperations.PopCount((uint)(ushort)value);

        public static short LeadingZeroCount(short value) => (short)(BitOperations.LeadingZeroCount((uint)(ushort)value) - 16);

        public static short TrailingZeroCount(short value) => (short)Math.Min(BitOperations.TrailingZeroCount((uint)(ushort)value), 16);

        public static bool IsPow2(short value) => value > 0 && (value & (value - 1)) == 0;
    }
}
