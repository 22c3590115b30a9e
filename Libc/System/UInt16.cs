using System.Globalization;
using System.Numerics;
using Internal.Formatting;

namespace System
{
    /// <summary>The 16-bit unsigned integer `ushort`. Formats: G, D[n], X[n], x[n], B[n], N[n], F[n] (see NumberFormatting).</summary>
    public readonly struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>, ISpanFormattable
    {
        private readonly ushort _value;

        public const ushort MinValue = 0;
        public const ushort MaxValue = 65535;

        public int CompareTo(ushort value) => _value < value ? -1 : _value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is ushort other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type UInt16.");
        }

        public bool Equals(ushort obj) => _value == obj;

        public override bool Equals(object obj) => obj is ushort other && _value == other;

        public override int GetHashCode() => _value;

        public override string ToString() => NumberFormatting.FormatUInt64(_value);

        public string ToString(string format) => NumberFormatting.FormatUInt64(_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => NumberFormatting.TryFormatUInt64(_value, format, destination, out charsWritten);

        public static ushort Parse(string s) => Parse(s, NumberStyles.Integer);

        public static ushort Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer);

        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        /// <summary>Parses decimal text (or hex digits with NumberStyles.HexNumber); FormatException or OverflowException on failure.</summary>
        public static ushort Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            ParseStatus status = NumberParsing.TryParseUnsigned(s, style, sizeof(ushort), out ulong value);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "UInt16");
            }
            return (ushort)value;
        }

        public static bool TryParse(string s, out ushort result) => TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            bool success = NumberParsing.TryParseUnsigned(s, style, sizeof(ushort), out ulong value) == ParseStatus.Success;
            result = success ? (ushort)value : (ushort)0;
            return success;
        }

        public static ushort Min(ushort x, ushort y) => Math.Min(x, y);

        public static ushort Max(ushort x, ushort y) => Math.Max(x, y);

        public static ushort Clamp(ushort value, ushort min, ushort max) => Math.Clamp(value, min, max);

        /// <summary>floor(log2(value)); 0 for 0.</summary>
        public static ushort Log2(ushort value)
        {
            return (ushort)BitOperations.Log2((uint)value);
        }

        public static ushort PopCount(ushort value) => (ushort)BitOperations.PopCount((uint)value);

        public static ushort LeadingZeroCount(ushort value) => (ushort)(BitOperations.LeadingZeroCount((uint)value) - 16);

        public static ushort TrailingZeroCount(ushort value) => (ushort)Math.Min(BitOperations.TrailingZeroCount((uint)value), 16);

        public static bool IsPow2(ushort value) => value > 0 && (value & (value - 1)) == 0;
    }
}
