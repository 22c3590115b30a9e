using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 64-bit unsigned integer `ulong`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, ISpanFormattable
    {
        private readonly ulong _value;

        public const ulong MinValue = 0;
        public const ulong MaxValue = 18446744073709551615;

        public int CompareTo(ulong value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is ulong other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type UInt64.");
        }

        public bool Equals(ulong obj) => _value == obj;

        public override bool Equals(object obj) => obj is ulong other && _value == other;

        public override int GetHashCode() => (int)_value ^ (int)(_value >> 32);

        public override string ToString() => NumberFormatting.FormatUInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatUInt64(_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatUInt64(_value, format, destination, out charsWritten);

        public static ulong Parse(string s) => Parse(s, NumberStyles.Integer);

        public static ulong Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static ulong Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseUnsigned(s, style, sizeof(ulong), out ulong value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "UInt64");
            }
            return (ulong)value;
        }

        public static bool TryParse(string s, out ulong result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            bool success = NumberParsing.TryParseUnsigned(s, style, sizeof(ulong), out ulong value) == ParseStatus.Success;
            result = success ? (ulong)value : (ulong)0;
            return success;
        }

        public static ulong Min(ulong x, ulong y) => Math.Min(x, y);

        public static ulong Max(ulong x, ulong y) => Math.Max(x, y);

        public static ulong Clamp(ulong value, ulong min, ulong max) => Math.Clamp(value, min, max);

        /// <summary>floor(log2(value)); 0 for 0.</summary>
        public static ulong Log2(ulong value)
        {
            return (ulong)BitOperations.Log2(value);
        }

        public static ulong PopCount(ulong value) => (ulong)BitOperations.PopCount(value);

        public static ulong LeadingZeroCount(ulong value) => (ulong)BitOperations.LeadingZeroCount(value);

        public static ulong TrailingZeroCount(ulong value) => (ulong)BitOperations.TrailingZeroCount(value);

        public static bool IsPow2(ulong value) => value > 0 && (value & (value - 1)) == 0;
    }
}
