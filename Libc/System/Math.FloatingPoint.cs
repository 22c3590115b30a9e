using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Floating-point functions in portable code (no libm here). Sqrt becomes the sqrtsd instruction (a JIT
    /// intrinsic); rounding works on the bits; Exp, Log and Pow use argument reduction and short series and are
    /// accurate to a few units in the last place (Pow to roughly 1e-15 relative for moderate results).
    /// </summary>
    public static partial class Math
    {
        // ln(2) split so that k * Ln2High is exact for the k that occur: reductions stay accurate.
        private const double Ln2High = 6.93147180369123816490e-01;
        private const double Ln2Low = 1.90821492927058770002e-10;
        private const double InverseLn2 = 1.44269504088896338700;
        private const double InverseLn10 = 0.43429448190325182765;
        private const double Sqrt2 = 1.41421356237309504880;

        public static double Min(double left, double right)
        {
            if (double.IsNaN(left))
            {
                return left;
            }
            if (double.IsNaN(right))
            {
                return right;
            }
            if (left == right)
            {
                // -0.0 is the smaller zero.
                return double.IsNegative(left) ? left : right;
            }
            return left < right ? left : right;
        }

        public static double Max(double left, double right)
        {
            if (double.IsNaN(left))
            {
                return left;
            }
            if (double.IsNaN(right))
            {
                return right;
            }
            if (left == right)
            {
                return double.IsNegative(left) ? right : left;
            }
            return left > right ? left : right;
        }

        public static float Min(float left, float right) => (float)Min((double)left, right);

        public static float Max(float left, float right) => (float)Max((double)left, right);

        public static double Abs(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & long.MaxValue);

        public static float Abs(float value) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & int.MaxValue);

        /// <summary>-1, 0 or 1; ArithmeticException for NaN.</summary>
        public static int Sign(double value)
        {
            if (double.IsNaN(value))
            {
                throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
            }
            return value > 0 ? 1 : value < 0 ? -1 : 0;
        }

        public static int Sign(float value) => Sign((double)value);

        public static double Clamp(double value, double min, double max)
        {
            if (min > max)
            {
                ThrowMinMaxException();
            }
            return value < min ? min : value > max ? max : value;
        }

        public static float Clamp(float value, float min, float max) => (float)Clamp((double)value, min, max);

        public static double CopySign(double magnitude, double sign)
        {
            long bits = BitConverter.DoubleToInt64Bits(magnitude) & long.MaxValue;
            return BitConverter.Int64BitsToDouble(bits | (BitConverter.DoubleToInt64Bits(sign) & long.MinValue));
        }

        /// <summary>
        /// Square root, correctly rounded. The JIT emits sqrtsd for direct calls (an intrinsic); this body runs only
        /// for indirect calls (a delegate), and computes the same result with an integer square root.
        /// </summary>
        [Intrinsic]
        public static double Sqrt(double value)
        {
            if (double.IsNaN(value) || value < 0)
            {
                return double.NaN;
            }
            if (value == 0 || double.IsPositiveInfinity(value))
            {
                return value;
            }
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exponent = (int)(bits >> 52) - 1075; // value = mantissa * 2^exponent
            ulong mantissa = (ulong)bits & 0xFFFFFFFFFFFFF;
            if (exponent == -1075)
            {
                // Subnormal: no implicit bit; normalise so the root below always has exactly 55 bits.
                exponent++;
                while ((mantissa & (1UL << 52)) == 0)
                {
                    mantissa <<= 1;
                    exponent--;
                }
            }
            else
            {
                mantissa |= 1UL << 52;
            }
            if ((exponent & 1) != 0)
            {
                mantissa <<= 1;
                exponent--;
            }
            // The integer square root of mantissa * 2^56, two bits at a time (the remainder stays below 2^57).
            ulong high = mantissa >> 8;
            ulong low = mantissa << 56;
            ulong root = 0;
            ulong remainder = 0;
            for (int i = 0; i < 64; i++)
            {
                ulong nextBits = high >> 62;
                high = (high << 2) | (low >> 62);
                low <<= 2;
                remainder = (remainder << 2) | nextBits;
                ulong trial = (root << 2) | 1;
                root <<= 1;
                if (remainder >= trial)
                {
                    remainder -= trial;
                    root |= 1;
                }
            }
            // mantissa is in [2^52, 2^54), so root is in [2^54, 2^55): 53 bits to keep, two to round with.
            int resultExponent = exponent / 2 - 28;
            bool sticky = remainder != 0;
            ulong kept = root >> 2;
            ulong dropped = root & 3;
            if (dropped > 2 || (dropped == 2 && (sticky || (kept & 1) != 0)))
            {
                kept++;
            }
            // kept holds the implicit bit, which adds one to the exponent field (hence 1022 + 54 rather than 1023 + 54).
            return BitConverter.Int64BitsToDouble(((long)(resultExponent + 2 + 52 + 1022) << 52) + (long)kept);
        }

        /// <summary>The largest integer not above value (integers, NaN and infinities are returned as they are).</summary>
        public static double Floor(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exponent < 0)
            {
                // |value| < 1: 0 keeps its sign, other negatives go to -1.
                if ((bits & long.MaxValue) == 0)
                {
                    return value;
                }
                return bits < 0 ? -1.0 : 0.0;
            }
            if (exponent >= 52)
            {
                return value;
            }
            long fractionMask = (1L << (52 - exponent)) - 1;
            if ((bits & fractionMask) == 0)
            {
                return value;
            }
            if (bits < 0)
            {
                // Rounding a negative down is rounding its magnitude up: add one unit at the integer position.
                bits += fractionMask + 1;
            }
            return BitConverter.Int64BitsToDouble(bits & ~fractionMask);
        }

        public static double Ceiling(double value) => -Floor(-value);

        /// <summary>value with its fractional part dropped (towards zero).</summary>
        public static double Truncate(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exponent < 0)
            {
                return BitConverter.Int64BitsToDouble(bits & long.MinValue);
            }
            if (exponent >= 52)
            {
                return value;
            }
            long fractionMask = (1L << (52 - exponent)) - 1;
            return BitConverter.Int64BitsToDouble(bits & ~fractionMask);
        }

        /// <summary>The nearest integer; halfway values go to the even neighbour (banker's rounding), as in .NET.</summary>
        public static double Round(double value) => Round(value, MidpointRounding.ToEven);

        public static double Round(double value, MidpointRounding mode)
        {
            switch (mode)
            {
                case MidpointRounding.ToZero:
                    return Truncate(value);
                case MidpointRounding.ToNegativeInfinity:
                    return Floor(value);
                case MidpointRounding.ToPositiveInfinity:
                    return Ceiling(value);
            }
            double whole = Truncate(value);
            double fraction = value - whole; // exact: both share the exponent range
            double magnitude = Abs(fraction);
            if (magnitude > 0.5 || (magnitude == 0.5 && (mode == MidpointRounding.AwayFromZero || !IsEven(whole))))
            {
                whole += value < 0 ? -1.0 : 1.0;
            }
            // A negative value that rounds to zero stays negative zero.
            return whole == 0 ? CopySign(0, value) : whole;
        }

        /// <summary>Rounds to <paramref name="digits"/> decimal places (0 to 15), by scaling; halfway values go to even.</summary>
        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15)
            {
                throw new ArgumentOutOfRangeException("digits");
            }
            if (Abs(value) >= 1e16 || double.IsNaN(value))
            {
                return value;
            }
            double scale = PowerOfTen(digits);
            return Round(value * scale, mode) / scale;
        }

        public static float Floor(float value) => (float)Floor((double)value);

        public static float Ceiling(float value) => (float)Ceiling((double)value);

        public static float Round(float value) => (float)Round((double)value);

        public static float Truncate(float value) => (float)Truncate((double)value);

        /// <summary>e raised to <paramref name="value"/>.</summary>
        public static double Exp(double value)
        {
            if (double.IsNaN(value))
            {
                return value;
            }
            if (value > 709.782712893384)
            {
                return double.PositiveInfinity;
            }
            if (value < -745.1332191019412)
            {
                return 0;
            }
            // value = k ln2 + r with |r| <= ln2 / 2, so e^value = 2^k e^r and the series for e^r converges fast.
            int k = (int)Floor(value * InverseLn2 + 0.5);
            double reduced = (value - k * Ln2High) - k * Ln2Low;
            double term = 1;
            double sum = 1;
            for (int n = 1; n <= 17; n++)
            {
                term *= reduced / n;
                sum += term;
            }
            return ScaleByPowerOfTwo(sum, k);
        }

        /// <summary>Natural logarithm: NaN for negatives, -Infinity for zero.</summary>
        public static double Log(double value)
        {
            if (double.IsNaN(value) || value < 0)
            {
                return double.NaN;
            }
            if (value == 0)
            {
                return double.NegativeInfinity;
            }
            if (double.IsPositiveInfinity(value))
            {
                return value;
            }
            // value = m 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(s) with s = (m - 1)/(m + 1), |s| < 0.172.
            int exponent = 0;
            long bits = BitConverter.DoubleToInt64Bits(value);
            if ((bits >> 52) == 0)
            {
                value *= 18014398509481984.0; // 2^54 lifts subnormals into the normal range
                exponent -= 54;
                bits = BitConverter.DoubleToInt64Bits(value);
            }
            exponent += (int)(bits >> 52) - 1023;
            double mantissa = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFF) | (1023L << 52));
            if (mantissa > Sqrt2)
            {
                mantissa *= 0.5;
                exponent++;
            }
            double s = (mantissa - 1) / (mantissa + 1);
            double z = s * s;
            double series = 0;
            for (int n = 23; n >= 3; n -= 2)
            {
                series = series * z + 1.0 / n;
            }
            double logMantissa = 2 * s + 2 * s * z * series;
            return exponent * Ln2High + (logMantissa + exponent * Ln2Low);
        }

        public static double Log(double value, double newBase)
        {
            if (double.IsNaN(value))
            {
                return value;
            }
            if (double.IsNaN(newBase))
            {
                return newBase;
            }
            if (newBase == 1 || (value != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))))
            {
                return double.NaN;
            }
            return Log(value) / Log(newBase);
        }

        /// <summary>Base-10 logarithm; exact for powers of ten up to 10^22.</summary>
        public static double Log10(double value)
        {
            double result = Log(value) * InverseLn10;
            double nearest = Round(result);
            if (Abs(result - nearest) < 1e-9 && Abs(nearest) <= 22 && value == (nearest >= 0 ? PowerOfTen((int)nearest) : 1.0 / PowerOfTen((int)-nearest)))
            {
                return nearest;
            }
            return result;
        }

        /// <summary>Base-2 logarithm; exact for powers of two. (BitOperations.Log2 and int.Log2 give integer results.)</summary>
        public static double Log2(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int biased = (int)(bits >> 52);
            if (biased > 0 && biased < 0x7FF && (bits & 0xFFFFFFFFFFFFF) == 0)
            {
                return biased - 1023;
            }
            return Log(value) * InverseLn2;
        }

        /// <summary>x raised to y, with the special cases of IEEE pow (0^0 = 1, 1^NaN = 1, negative x only with integer y).</summary>
        public static double Pow(double x, double y)
        {
            if (y == 0 || x == 1)
            {
                return 1;
            }
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return double.NaN;
            }
            if (double.IsInfinity(y))
            {
                double magnitude = Abs(x);
                if (magnitude == 1)
                {
                    return 1;
                }
                return (magnitude > 1) == (y > 0) ? double.PositiveInfinity : 0;
            }
            bool yIsInteger = Truncate(y) == y;
            bool yIsOddInteger = yIsInteger && Abs(y) < 9007199254740992.0 && !IsEven(y);
            if (x == 0 || double.IsInfinity(x))
            {
                // Zero and infinity: the result is 0 or infinity, negative only for a negative base and an odd power.
                bool large = (x == 0) == (y < 0);
                double result = large ? double.PositiveInfinity : 0;
                return double.IsNegative(x) && yIsOddInteger ? -result : result;
            }
            if (x < 0 && !yIsInteger)
            {
                return double.NaN;
            }
            if (yIsInteger && Abs(y) <= 64)
            {
                // Repeated squaring: exact whenever the intermediate products are.
                long exponent = (long)Abs(y);
                double power = 1;
                double square = x;
                while (exponent != 0)
                {
                    if ((exponent & 1) != 0)
                    {
                        power *= square;
                    }
                    square *= square;
                    exponent >>= 1;
                }
                return y < 0 ? 1 / power : power;
            }
            double absolute = Exp(y * Log(Abs(x)));
            return x < 0 && yIsOddInteger ? -absolute : absolute;
        }

        /// <summary>value * 2^exponent without overflowing the intermediate steps.</summary>
        public static double ScaleB(double value, int exponent)
        {
            return ScaleByPowerOfTwo(value, exponent);
        }

        private static double ScaleByPowerOfTwo(double value, int exponent)
        {
            while (exponent > 1023)
            {
                value *= BitConverter.Int64BitsToDouble(2046L << 52); // 2^1023
                exponent -= 1023;
                if (double.IsInfinity(value))
                {
                    return value;
                }
            }
            while (exponent < -1022)
            {
                value *= BitConverter.Int64BitsToDouble(1L << 52); // 2^-1022
                exponent += 1022;
                if (value == 0)
                {
                    return value;
                }
            }
            return value * BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52);
        }

        // An integral double is even when half of it is still integral.
        private static bool IsEven(double whole) => Truncate(whole * 0.5) * 2 == whole;

        private static double PowerOfTen(int exponent)
        {
            double result = 1;
            for (int i = 0; i < exponent; i++)
            {
                result *= 10;
            }
            return result;
        }
    }
}
