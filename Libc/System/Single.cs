using System.Globalization;
using Internal.Formatting;

namespace System
{
    /// <summary>
    /// The 32-bit IEEE 754 `float`. ToString() gives up to 7 significant digits; "R" the shortest round-trip
    /// text. Parse goes through double, which can differ from direct rounding in rare halfway cases.
    /// </summary>
    public readonly struct Single : IComparable, IComparable<float>, IEquatable<float>, ISpanFormattable
    {
        private readonly float _value;

        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NaN = 0.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NegativeZero = -0.0f;

        public static bool IsNaN(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) > 0x7F800000;

        public static bool IsInfinity(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) == 0x7F800000;

        public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;

        public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;

        public static bool IsFinite(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) < 0x7F800000;

        public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;

        public static bool IsNormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & int.MaxValue;
            return bits >= 0x00800000 && bits < 0x7F800000;
        }

        public static bool IsSubnormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & int.MaxValue;
            return bits != 0 && bits < 0x00800000;
        }

        public bool Equals(float obj) => _value == obj || (IsNaN(_value) && IsNaN(obj));

        public override bool Equals(object obj) => obj is float other && Equals(other);

        public override int GetHashCode()
        {
            float value = _value;
            if (value == 0)
            {
                return 0;
            }
            return IsNaN(value) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(value);
        }

        public int CompareTo(float value) => ((double)_value).CompareTo(value);

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is float other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Single.");
        }

        public override string ToString() => FloatingPointFormatting.Format(_value, default, true);

        public string ToString(string format) => FloatingPointFormatting.Format(_value, format, true);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => FloatingPointFormatting.TryFormat(_value, format, true, destination, out charsWritten);

        public static float Parse(string s) => (float)double.Parse(s);

        public static float Parse(string s, NumberStyles style) => (float)double.Parse(s, style);

        public static float Parse(string s, IFormatProvider provider) => (float)double.Parse(s);

        public static float Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
            => (float)double.Parse(s, style);

        public static bool TryParse(string s, out float result) => TryParse(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result) => TryParse(s.AsSpan(), style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out float result)
        {
            bool success = double.TryParse(s, style, provider, out double value);
            result = (float)value;
            return success;
        }
    }
}
