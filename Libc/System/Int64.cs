using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 64-bit signed integer `long`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct Int64 : IComparable, IComparable<long>, IEquatable<long>, ISpanFormattable
    {
        private readonly long _value;

        public const long MinValue = -9223372036854775808;
        public const long MaxValue = 9223372036854775807;

        public int CompareTo(long value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is long other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Int64.");
        }

        public bool Equals(long obj) => _value == obj;

        public override bool Equals(object obj) => obj is long other && _value == other;

        public override int GetHashCode() => (int)_value ^ (int)(_value >> 32);

        public override string ToString() => NumberFormatting.FormatInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatInt64(_value, sizeof(long), format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatInt64(_value, sizeof(long), format, destination, out charsWritten);

        public static long Parse(string s) => Parse(s, NumberStyles.Integer);

        public static long Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static long Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static long Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseSigned(s, style, sizeof(long), out long value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "Int64");
            }
            return (long)value;
        }

        public static bool TryParse(string s, out long result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result)
        {
            bool success = NumberParsing.TryParseSigned(s, style, sizeof(long), out long value) == ParseStatus.Success;
            result = success ? (long)value : (long)0;
            return success;
        }

        public static long Min(long x, long y) => Math.Min(x, y);

        public static long Max(long x, long y) => Math.Max(x, y);

        public static long Clamp(long value, long min, long max) => Math.Clamp(value, min, max);

        /// <summary>|value|; OverflowException for MinValue.</summary>
        public static long Abs(long value) => Math.Abs(value);

        public static int Sign(long value) => Math.Sign(value);

        public static bool IsNegative(long value) => value < 0;

        /// <summary>floor(log2(value)); 0 for 0. ArgumentOutOfRangeException for negative values.</summary>
        public static long Log2(long value)
        {
            if (value < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            }
            return (long)BitOperations.Log2((ulong)value);
        }

        public static long PopCount(long value) => (long)BitOperations.PopCount((ulong)value);

        public static long LeadingZeroCount(long value) => (long)BitOperations.LeadingZeroCount((ulong)value);

        public static long TrailingZeroCount(long value) => (long)BitOperations.TrailingZeroCount((ulong)value);

        public static bool IsPow2(long value) => value > 0 && (value & (value - 1)) == 0;
    }
}
