using System;
using System.Globalization;

namespace Internal.Formatting
{
    /// <summary>
    /// Text to double, correctly rounded (round half to even) for up to 320 significant digits; further
    /// digits only decide ties. Accepts white space, a sign, digits with an optional point and thousands
    /// commas, an exponent ("1.5e-3"), and the words NaN, Infinity, ∞ (any case, optionally signed).
    /// float parses through double, which can differ from direct rounding in rare halfway cases.
    /// Pure logic over spans: compiled into the host tests too.
    /// </summary>
    public static class FloatingPointParsing
    {
        private const int MaximumDigits = 320;

        /// <summary>10^exponent for 0 &lt;= exponent &lt;= 22, the powers of ten a double holds exactly (each product below is exact).</summary>
        private static double ExactPowerOfTen(int exponent)
        {
            double result = 1;
            for (int i = 0; i < exponent; i++)
            {
                result *= 10;
            }
            return result;
        }

        public static ParseStatus TryParse(ReadOnlySpan<char> text, NumberStyles styles, out double result)
        {
            result = 0;
            int position = 0;
            int end = text.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (position < end && NumberParsing.IsWhite(text[position]))
                {
                    position++;
                }
            }
            if ((styles & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (end > position && NumberParsing.IsWhite(text[end - 1]))
                {
                    end--;
                }
            }
            bool negative = false;
            if (position < end && (styles & NumberStyles.AllowLeadingSign) != 0 && (text[position] == '-' || text[position] == '+'))
            {
                negative = text[position] == '-';
                position++;
            }
            ReadOnlySpan<char> body = text.Slice(position, end - position);
            if (body.Length == 0)
            {
                return ParseStatus.Format;
            }
            if (body.Equals("NaN", StringComparison.OrdinalIgnoreCase))
            {
                result = double.NaN;
                return ParseStatus.Success;
            }
            if (body.Equals("Infinity", StringComparison.OrdinalIgnoreCase) || (body.Length == 1 && body[0] == '\u221E'))
            {
                result = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return ParseStatus.Success;
            }

            Span<byte> digits = stackalloc byte[MaximumDigits + 1];
            int count = 0;
            int decimalExponent = 0; // value = digits * 10^decimalExponent
            bool anyDigit = false;
            bool dropped = false; // a non-zero digit beyond MaximumDigits
            bool inFraction = false;
            int index = 0;
            for (; index < body.Length; index++)
            {
                char character = body[index];
                if (character >= '0' && character <= '9')
                {
                    anyDigit = true;
                    int digit = character - '0';
                    if (count == 0 && digit == 0)
                    {
                        // Leading zeros carry no digits; in the fraction they still move the point.
                        if (inFraction)
                        {
                            decimalExponent--;
                        }
                        continue;
                    }
                    if (count < MaximumDigits)
                    {
                        digits[count++] = (byte)digit;
                        if (inFraction)
                        {
                            decimalExponent--;
                        }
                    }
                    else
                    {
                        dropped |= digit != 0;
                        if (!inFraction)
                        {
                            decimalExponent++;
                        }
                    }
                    continue;
                }
                if (character == '.' && !inFraction && (styles & NumberStyles.AllowDecimalPoint) != 0)
                {
                    inFraction = true;
                    continue;
                }
                if (character == ',' && !inFraction && anyDigit && (styles & NumberStyles.AllowThousands) != 0)
                {
                    continue;
                }
                break;
            }
            if (!anyDigit)
            {
                return ParseStatus.Format;
            }
            if (index < body.Length)
            {
                if ((body[index] != 'e' && body[index] != 'E') || (styles & NumberStyles.AllowExponent) == 0)
                {
                    return ParseStatus.Format;
                }
                index++;
                bool exponentNegative = false;
                if (index < body.Length && (body[index] == '-' || body[index] == '+'))
                {
                    exponentNegative = body[index] == '-';
                    index++;
                }
                if (index == body.Length)
                {
                    return ParseStatus.Format;
                }
                int exponent = 0;
                for (; index < body.Length; index++)
                {
                    char character = body[index];
                    if (character < '0' || character > '9')
                    {
                        return ParseStatus.Format;
                    }
                    // Saturate: anything this large is already infinity or zero.
                    exponent = Math.Min(exponent * 10 + (character - '0'), 100000);
                }
                decimalExponent += exponentNegative ? -exponent : exponent;
            }
            if (dropped)
            {
                // A trailing 1 stands for the dropped digits: it breaks ties the way they would, and nothing else.
                digits[count++] = 1;
                decimalExponent--;
            }
            result = FromDigits(digits.Slice(0, count), decimalExponent, negative);
            return ParseStatus.Success;
        }

        /// <summary>The double nearest to (the integer spelled by <paramref name="digits"/>) * 10^<paramref name="decimalExponent"/>.</summary>
        internal static double FromDigits(ReadOnlySpan<byte> digits, int decimalExponent, bool negative)
        {
            double magnitude = FromDigitsUnsigned(digits, decimalExponent);
            return negative ? -magnitude : magnitude;
        }

        private static double FromDigitsUnsigned(ReadOnlySpan<byte> digits, int decimalExponent)
        {
            int count = digits.Length;
            while (count > 0 && digits[count - 1] == 0)
            {
                count--;
                decimalExponent++;
            }
            if (count == 0)
            {
                return 0;
            }
            if (count + decimalExponent > 310)
            {
                return double.PositiveInfinity;
            }
            if (count + decimalExponent < -324)
            {
                return 0;
            }
            if (count <= 15 && Math.Abs(decimalExponent) <= 22)
            {
                // Both operands are exact, so the one multiplication or division rounds correctly.
                ulong small = 0;
                for (int i = 0; i < count; i++)
                {
                    small = small * 10 + digits[i];
                }
                double exact = (long)small;
                return decimalExponent >= 0 ? exact * ExactPowerOfTen(decimalExponent) : exact / ExactPowerOfTen(-decimalExponent);
            }

            LargeInteger numerator = default;
            numerator.SetUInt64(0);
            int chunk = 0;
            uint chunkValue = 0;
            uint chunkScale = 1;
            for (int i = 0; i < count; i++)
            {
                chunkValue = chunkValue * 10 + digits[i];
                chunkScale *= 10;
                chunk++;
                if (chunk == 9 || i == count - 1)
                {
                    numerator.MultiplyAdd(chunkScale, chunkValue);
                    chunk = 0;
                    chunkValue = 0;
                    chunkScale = 1;
                }
            }

            ulong top;
            int binaryExponent;
            bool sticky;
            if (decimalExponent >= 0)
            {
                numerator.MultiplyByPowerOfTen(decimalExponent);
                int bits = numerator.BitLength;
                top = numerator.GetBits64(bits - 64);
                sticky = bits > 64 && numerator.AnyBitsBelow(bits - 64);
                binaryExponent = bits - 1;
            }
            else
            {
                // value = numerator / 10^-e. Scale the numerator by 2^shift so the quotient has exactly 64 bits.
                LargeInteger denominator = default;
                denominator.SetUInt64(1);
                denominator.MultiplyByPowerOfTen(-decimalExponent);
                int shift = 64 + denominator.BitLength - numerator.BitLength;
                if (shift > 0)
                {
                    numerator.ShiftLeft(shift);
                }
                else
                {
                    denominator.ShiftLeft(-shift);
                }
                // Now 2^63 <= numerator / denominator < 2^65: make it below 2^64.
                LargeInteger limit = denominator;
                limit.ShiftLeft(64);
                if (LargeInteger.Compare(ref numerator, ref limit) >= 0)
                {
                    shift--;
                    denominator.ShiftLeft(1);
                }
                top = LongDivide(ref numerator, ref denominator);
                sticky = !numerator.IsZero;
                binaryExponent = 63 - shift;
            }
            return Compose(top, binaryExponent, sticky);
        }

        /// <summary>The 64-bit quotient numerator / denominator (known to be in [2^63, 2^64)); the remainder stays in numerator.</summary>
        private static ulong LongDivide(ref LargeInteger numerator, ref LargeInteger denominator)
        {
            LargeInteger shifted = denominator;
            shifted.ShiftLeft(63);
            ulong quotient = 0;
            for (int bit = 63; bit >= 0; bit--)
            {
                if (LargeInteger.Compare(ref numerator, ref shifted) >= 0)
                {
                    numerator.Subtract(ref shifted);
                    quotient |= 1UL << bit;
                }
                shifted.ShiftRightOne();
            }
            return quotient;
        }

        /// <summary>
        /// The double nearest to top * 2^(binaryExponent - 63), where top has its highest bit set and
        /// <paramref name="sticky"/> says whether anything non-zero was cut off below it. Rounds half to even.
        /// </summary>
        private static double Compose(ulong top, int binaryExponent, bool sticky)
        {
            if (binaryExponent > 1023)
            {
                return double.PositiveInfinity;
            }
            // Bits of top below the 53-bit mantissa (more for subnormals, whose mantissa is shorter).
            int drop = 11;
            if (binaryExponent < -1022)
            {
                drop += -1022 - binaryExponent;
            }
            if (drop > 64)
            {
                return 0; // below half the smallest subnormal
            }
            ulong mantissa = drop == 64 ? 0 : top >> drop;
            ulong remainder = drop == 64 ? top : top & ((1UL << drop) - 1);
            ulong half = 1UL << (drop - 1);
            if (remainder > half || (remainder == half && (sticky || (mantissa & 1) != 0)))
            {
                mantissa++; // an exact tie rounds up only from an odd mantissa (to even)
            }
            long bits;
            if (binaryExponent < -1022)
            {
                // Subnormal: no exponent field; a carry into bit 52 makes it the smallest normal, as it should.
                bits = (long)mantissa;
            }
            else
            {
                // The mantissa's implicit bit adds one to the exponent field, hence 1022 rather than the bias 1023.
                bits = ((long)(binaryExponent + 1022) << 52) + (long)mantissa;
            }
            return BitConverter.Int64BitsToDouble(bits);
        }
    }
}
