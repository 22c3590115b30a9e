using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 8-bit signed integer `sbyte`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, ISpanFormattable
    {
        private readonly sbyte _value;

        public const sbyte MinValue = -128;
        public const sbyte MaxValue = 127;

        public int CompareTo(sbyte value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is sbyte other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type SByte.");
        }

        public bool Equals(sbyte obj) => _value == obj;

        public override bool Equals(object obj) => obj is sbyte other && _value == other;

        public override int GetHashCode() => _value;

        public override string ToString() => NumberFormatting.FormatInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatInt64(_value, sizeof(sbyte), format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatInt64(_value, sizeof(sbyte), format, destination, out charsWritten);

        public static sbyte Parse(string s) => Parse(s, NumberStyles.Integer);

        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static sbyte Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseSigned(s, style, sizeof(sbyte), out long value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "SByte");
            }
            return (sbyte)value;
        }

        public static bool TryParse(string s, out sbyte result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            bool success = NumberParsing.TryParseSigned(s, style, sizeof(sbyte), out long value) == ParseStatus.Success;
            result = success ? (sbyte)value : (sbyte)0;
            return success;
        }

        public static sbyte Min(sbyte x, sbyte y) => Math.Min(x, y);

        public static sbyte Max(sbyte x, sbyte y) => Math.Max(x, y);

        public static sbyte Clamp(sbyte value, sbyte min, sbyte max) => Math.Clamp(value, min, max);

        /// <summary>|value|; OverflowException for MinValue.</summary>
        public static sbyte Abs(sbyte value) => Math.Abs(value);

        public static int Sign(sbyte value) => Math.Sign(value);

        public static bool IsNegative(sbyte value) => value < 0;

        /// <summary>floor(log2(value)); 0 for 0. ArgumentOutOfRangeException for negative values.</summary>
        public static sbyte Log2(sbyte value)
        {
            if (value < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            }
            return (sbyte)BitOperations.Log2((uint)(byte)value);
        }

        public static sbyte PopCount(sbyte value) => (sbyte)BitOperations.PopCount((uint)(byte)value);

        public static sbyte LeadingZeroCount(sbyte value) => (sbyte)(BitOperations.LeadingZeroCount((uint)(byte)value) - 24);

        public static sbyte TrailingZeroCount(sbyte value) => (sbyte)Math.Min(BitOperations.TrailingZeroCount((uint)(byte)value), 8);

        public static bool IsPow2(sbyte value) => value > 0 && (value & (value - 1)) == 0;
    }
}
