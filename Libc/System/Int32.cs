using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 32-bit signed integer `int`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct Int32 : IComparable, IComparable<int>, IEquatable<int>, ISpanFormattable
    {
        private readonly int _value;

        public const int MinValue = -2147483648;
        public const int MaxValue = 2147483647;

        public int CompareTo(int value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is int other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Int32.");
        }

        public bool Equals(int obj) => _value == obj;

        public override bool Equals(object obj) => obj is int other && _value == other;

        public override int GetHashCode() => _value;

        public override string ToString() => NumberFormatting.FormatInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatInt64(_value, sizeof(int), format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatInt64(_value, sizeof(int), format, destination, out charsWritten);

        public static int Parse(string s) => Parse(s, NumberStyles.Integer);

        public static int Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static int Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static int Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseSigned(s, style, sizeof(int), out long value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "Int32");
            }
            return (int)value;
        }

        public static bool TryParse(string s, out int result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result)
        {
            bool success = NumberParsing.TryParseSigned(s, style, sizeof(int), out long value) == ParseStatus.Success;
            result = success ? (int)value : (int)0;
            return success;
        }

        public static int Min(int x, int y) => Math.Min(x, y);

        public static int Max(int x, int y) => Math.Max(x, y);

        public static int Clamp(int value, int min, int max) => Math.Clamp(value, min, max);

        /// <summary>|value|; OverflowException for MinValue.</summary>
        public static int Abs(int value) => Math.Abs(value);

        public static int Sign(int value) => Math.Sign(value);

        public static bool IsNegative(int value) => value < 0;

        /// <summary>floor(log2(value)); 0 for 0. ArgumentOutOfRangeException for negative values.</summary>
        public static int Log2(int value)
        {
            if (value < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            }
            return BitOperations.Log2((uint)value);
        }

        public static int PopCount(int value) => BitOperations.PopCount((uint)value);

        public static int LeadingZeroCount(int value) => BitOperations.LeadingZeroCount((uint)value);

        public static int TrailingZeroCount(int value) => BitOperations.TrailingZeroCount((uint)value);

        public static bool IsPow2(int value) => value > 0 && (value & (value - 1)) == 0;
    }
}
