using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 8-bit unsigned integer `byte`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct Byte : IComparable, IComparable<byte>, IEquatable<byte>, ISpanFormattable
    {
        private readonly byte _value;

        public const byte MinValue = 0;
        public const byte MaxValue = 255;

        public int CompareTo(byte value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is byte other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Byte.");
        }

        public bool Equals(byte obj) => _value == obj;

        public override bool Equals(object obj) => obj is byte other && _value == other;

        public override int GetHashCode() => _value;

        public override string ToString() => NumberFormatting.FormatUInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatUInt64(_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatUInt64(_value, format, destination, out charsWritten);

        public static byte Parse(string s) => Parse(s, NumberStyles.Integer);

        public static byte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static byte Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static byte Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseUnsigned(s, style, sizeof(byte), out ulong value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "Byte");
            }
            return (byte)value;
        }

        public static bool TryParse(string s, out byte result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            bool success = NumberParsing.TryParseUnsigned(s, style, sizeof(byte), out ulong value) == ParseStatus.Success;
            result = success ? (byte)value : (byte)0;
            return success;
        }

        public static byte Min(byte x, byte y) => Math.Min(x, y);

        public static byte Max(byte x, byte y) => Math.Max(x, y);

        public static byte Clamp(byte value, byte min, byte max) => Math.Clamp(value, min, max);

        /// <summary>floor(log2(value)); 0 for 0.</summary>
        public static byte Log2(byte value)
        {
            return (byte)BitOperations.Log2((uint)value);
        }

        public static byte PopCount(byte value) => (byte)BitOperations.PopCount((uint)value);

        public static byte LeadingZeroCount(byte value) => (byte)(BitOperations.LeadingZeroCount((uint)value) - 24);

        public static byte TrailingZeroCount(byte value) => (byte)Math.Min(BitOperations.TrailingZeroCount((uint)value), 8);

        public static bool IsPow2(byte value) => value > 0 && (value & (value - 1)) == 0;
    }
}
