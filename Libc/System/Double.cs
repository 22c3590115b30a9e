using System.Globalization;
using Internal.Formatting;

namespace System
{
    /// <summary>
    /// The 64-bit IEEE 754 `double`. ToString() gives up to 15 significant digits (as .NET Framework did);
    /// "R" gives the shortest text that parses back to the same value; also G[n], F[n], N[n], E[n]. Parse is
    /// correctly rounded (see FloatingPointFormatting and FloatingPointParsing).
    /// </summary>
    public readonly struct Double : IComparable, IComparable<double>, IEquatable<double>, ISpanFormattable
    {
        private readonly double _value;

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NegativeZero = -0.0;
        public const double Pi = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public const double Tau = 6.28318530717958647692;

        public static bool IsNaN(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) > 0x7FF0000000000000;

        public static bool IsInfinity(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) == 0x7FF0000000000000;

        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;

        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;

        public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) < 0x7FF0000000000000;

        /// <summary>True for negative values, -0.0 and NaNs with the sign bit set.</summary>
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;

        public static bool IsNormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & long.MaxValue;
            return bits >= 0x0010000000000000 && bits < 0x7FF0000000000000;
        }

        public static bool IsSubnormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & long.MaxValue;
            return bits != 0 && bits < 0x0010000000000000;
        }

        public static bool IsInteger(double d) => IsFinite(d) && Math.Truncate(d) == d;

        /// <summary>Equal values, or both NaN (unlike ==, so NaN can be a dictionary key).</summary>
        public bool Equals(double obj) => _value == obj || (IsNaN(_value) && IsNaN(obj));

        public override bool Equals(object obj) => obj is double other && Equals(other);

        public override int GetHashCode()
        {
            double value = _value;
            if (value == 0)
            {
                return 0; // 0.0 == -0.0, so they must hash alike
            }
            long bits = IsNaN(value) ? 0x7FF8000000000000 : BitConverter.DoubleToInt64Bits(value);
            return (int)bits ^ (int)(bits >> 32);
        }

        /// <summary>NaN sorts before every other value (and equals itself here).</summary>
        public int CompareTo(double value)
        {
            if (_value < value)
            {
                return -1;
            }
            if (_value > value)
            {
                return 1;
            }
            if (_value == value)
            {
                return 0;
            }
            if (IsNaN(_value))
            {
                return IsNaN(value) ? 0 : -1;
            }
            return 1;
        }

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is double other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Double.");
        }

        public override string ToString() => FloatingPointFormatting.Format(_value, default, false);

        public string ToString(string format) => FloatingPointFormatting.Format(_value, format, false);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => FloatingPointFormatting.TryFormat(_value, format, false, destination, out charsWritten);

        public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands);

        public static double Parse(string s, IFormatProvider provider) => Parse(s);

        public static double Parse(string s, NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static double Parse(string s, NumberStyles style)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            return Parse(s.AsSpan(), style);
        }

        public static double Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
        {
            ParseStatus status = FloatingPointParsing.TryParse(s, style, out double result);
            if (status != ParseStatus.Success)
            {
                throw NumberParsing.CreateException(status, "Double");
            }
            return result;
        }

        public static bool TryParse(string s, out double result) => TryParse(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result)
            => FloatingPointParsing.TryParse(s, style, out result) == ParseStatus.Success;
    }
}
