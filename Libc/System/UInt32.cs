using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 32-bit unsigned integer `uint`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, ISpanFormattable
    {
        private readonly uint _value;

        public const uint MinValue = 0;
        public const uint MaxValue = 4294967295;

        public int CompareTo(uint value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is uint other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type UInt32.");
        }

        public bool Equals(uint obj) => _value == obj;

        public override bool Equals(object obj) => obj is uint other && _value == other;

        public override int GetHashCode() => (int)_value;

        public override string ToString() => NumberFormatting.FormatUInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatUInt64(_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatUInt64(_value, format, destination, out charsWritten);

        public static uint Parse(string s) => Parse(s, NumberStyles.Integer);

        public static uint Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static uint Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static uint Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseUnsigned(s, style, sizeof(uint), out ulong value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "UInt32");
            }
            return (uint)value;
        }

        public static bool TryParse(string s, out uint result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            bool success = NumberParsing.TryParseUnsigned(s, style, sizeof(uint), out ulong value) == ParseStatus.Success;
            result = success ? (uint)value : (uint)0;
            return success;
        }

        public static uint Min(uint x, uint y) => Math.Min(x, y);

        public static uint Max(uint x, uint y) => Math.Max(x, y);

        public static uint Clamp(uint value, uint min, uint max) => Math.Clamp(value, min, max);

        /// <summary>floor(log2(value)); 0 for 0.</summary>
        public static uint Log2(uint value)
        {
            return (uint)BitOperations.Log2(value);
        }

        public static uint PopCount(uint value) => (uint)BitOperations.PopCount(value);

        public static uint LeadingZeroCount(uint value) => (uint)BitOperations.LeadingZeroCount(value);

        public static uint TrailingZeroCount(uint value) => (uint)BitOperations.TrailingZeroCount(value);

        public static bool IsPow2(uint value) => value > 0 && (value & (value - 1)) == 0;
    }
}
