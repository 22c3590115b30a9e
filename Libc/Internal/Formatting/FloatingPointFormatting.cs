using System;

namespace Internal.Formatting
{
    /// <summary>
    /// double/float to text. Digits are generated exactly (big-integer arithmetic), then rounded half to even.
    /// Formats: G (default) with up to 15 significant digits for double and 7 for float, as .NET Framework
    /// printed them; G[n]; R, the shortest text that parses back to the same value (up to 17/9 digits);
    /// F[n] and N[n] (n decimals, default 2; N groups thousands); E[n]/e[n] (n decimals, default 6).
    /// NaN, Infinity and -Infinity print as those words; negative zero prints "-0".
    /// Pure logic over spans: compiled into the host tests too.
    /// </summary>
    public static class FloatingPointFormatting
    {
        public const int DoubleDefaultPrecision = 15;
        public const int SingleDefaultPrecision = 7;
        private const int DoubleRoundTripPrecision = 17;
        private const int SingleRoundTripPrecision = 9;

        // Largest decimal exponent of a finite double, plus room: fixed notation of 1e308 needs 309 digits.
        private const int MaximumIntegerDigits = 310;

        public static string Format(double value, ReadOnlySpan<char> format, bool isSingle)
        {
            FormatSpecifier specifier = FormatSpecifier.Parse(format);
            int length = RequiredLength(specifier);
            Span<char> buffer = length <= 512 ? stackalloc char[512] : new char[length];
            Write(value, specifier, isSingle, buffer, out int written);
            return new string(buffer.Slice(0, written));
        }

        /// <summary>TryFormat: false when <paramref name="destination"/> is too small.</summary>
        public static bool TryFormat(double value, ReadOnlySpan<char> format, bool isSingle, Span<char> destination, out int charsWritten)
        {
            FormatSpecifier specifier = FormatSpecifier.Parse(format);
            int length = RequiredLength(specifier);
            if (destination.Length >= length)
            {
                return Write(value, specifier, isSingle, destination, out charsWritten);
            }
            // Format into a scratch buffer of the worst-case size, then copy if it fits.
            Span<char> buffer = length <= 512 ? stackalloc char[512] : new char[length];
            Write(value, specifier, isSingle, buffer, out int written);
            if (written > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            buffer.Slice(0, written).CopyTo(destination);
            charsWritten = written;
            return true;
        }

        /// <summary>Worst case: sign, 310 integer digits with separators, point, decimals, exponent.</summary>
        private static int RequiredLength(FormatSpecifier specifier) => 32 + MaximumIntegerDigits * 4 / 3 + Math.Max(specifier.Precision, 0);

        private static bool Write(double value, FormatSpecifier specifier, bool isSingle, Span<char> destination, out int charsWritten)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int biasedExponent = (int)((bits >> 52) & 0x7FF);
            ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFF;
            if (biasedExponent == 0x7FF)
            {
                string word = fraction != 0 ? "NaN" : negative ? "-Infinity" : "Infinity";
                word.AsSpan().CopyTo(destination);
                charsWritten = word.Length;
                return true;
            }
            ulong mantissa;
            int exponent;
            if (biasedExponent == 0)
            {
                mantissa = fraction;
                exponent = -1074;
            }
            else
            {
                mantissa = fraction | (1UL << 52);
                exponent = biasedExponent - 1075;
            }

            int precision = specifier.Precision;
            char kind = specifier.UpperKind;
            Span<byte> digits = stackalloc byte[MaximumIntegerDigits + FormatSpecifier.MaximumPrecision + 2];
            int count;
            int decimalExponent;
            switch (kind)
            {
                case 'G':
                {
                    int defaultPrecision = isSingle ? SingleDefaultPrecision : DoubleDefaultPrecision;
                    int significant = precision <= 0 ? defaultPrecision : precision;
                    count = GenerateDigits(mantissa, exponent, significant, -1, digits, out decimalExponent);
                    count = TrimZeros(digits, count);
                    WriteGeneral(digits, count, decimalExponent, negative, significant, specifier.Kind == 'g' ? 'e' : 'E', destination, out charsWritten);
                    return true;
                }
                case 'R':
                {
                    count = GenerateShortestRoundTrip(value, mantissa, exponent, isSingle, digits, out decimalExponent);
                    // As in .NET: fixed notation up to the round-trip digit count (17, or 9 for float).
                    int threshold = Math.Max(count, isSingle ? SingleRoundTripPrecision : DoubleRoundTripPrecision);
                    WriteGeneral(digits, count, decimalExponent, negative, threshold, 'E', destination, out charsWritten);
                    return true;
                }
                case 'F':
                case 'N':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    count = GenerateDigits(mantissa, exponent, 0, decimals, digits, out decimalExponent);
                    WriteFixed(digits, count, decimalExponent, decimals, negative, kind == 'N', destination, out charsWritten);
                    return true;
                }
                case 'E':
                {
                    int decimals = precision < 0 ? 6 : precision;
                    count = GenerateDigits(mantissa, exponent, decimals + 1, -1, digits, out decimalExponent);
                    WriteScientific(digits, count, decimalExponent, decimals, negative, specifier.Kind, 3, destination, out charsWritten);
                    return true;
                }
                default:
                    throw new FormatException("Format specifier was invalid.");
            }
        }

        /// <summary>
        /// Decimal digits of mantissa * 2^exponent: either <paramref name="significant"/> digits, or, when
        /// <paramref name="decimals"/> is not negative, every digit down to that many places after the point.
        /// Returns the digit count; the value is 0.d1d2d3... * 10^(decimalExponent + 1). Zero yields no digits.
        /// </summary>
        internal static int GenerateDigits(ulong mantissa, int exponent, int significant, int decimals, Span<byte> digits, out int decimalExponent)
        {
            decimalExponent = 0;
            if (mantissa == 0)
            {
                return 0;
            }
            LargeInteger numerator = default;
            LargeInteger denominator = default;
            numerator.SetUInt64(mantissa);
            denominator.SetUInt64(1);
            if (exponent > 0)
            {
                numerator.ShiftLeft(exponent);
            }
            else
            {
                denominator.ShiftLeft(-exponent);
            }

            // Estimate floor(log10(value)) from the binary exponent (never too high), then correct it.
            int bitLength = 64 - LeadingZeroCount(mantissa);
            int estimate = (int)Math.Floor((bitLength - 1 + exponent) * 0.30102999566398119521);
            if (estimate > 0)
            {
                denominator.MultiplyByPowerOfTen(estimate);
            }
            else
            {
                numerator.MultiplyByPowerOfTen(-estimate);
            }
            LargeInteger tenTimesDenominator = denominator;
            tenTimesDenominator.MultiplyAdd(10, 0);
            if (LargeInteger.Compare(ref numerator, ref tenTimesDenominator) >= 0)
            {
                estimate++;
                denominator = tenTimesDenominator;
            }
            decimalExponent = estimate;

            int count = decimals >= 0 ? decimalExponent + 1 + decimals : significant;
            if (count > digits.Length)
            {
                count = digits.Length;
            }
            if (count < 0)
            {
                return 0; // rounds to zero at the requested position
            }
            for (int i = 0; i < count; i++)
            {
                digits[i] = (byte)numerator.DivideSmall(ref denominator);
                numerator.MultiplyAdd(10, 0);
            }
            int next = numerator.DivideSmall(ref denominator);
            bool lastDigitOdd = count > 0 && (digits[count - 1] & 1) != 0;
            if (next > 5 || (next == 5 && (!numerator.IsZero || lastDigitOdd)))
            {
                // Round half to even (exact ties only); a carry out of the first digit (9.99 -> 10.0) adds a digit at the front.
                int position = count - 1;
                while (position >= 0 && digits[position] == 9)
                {
                    digits[position] = 0;
                    position--;
                }
                if (position >= 0)
                {
                    digits[position]++;
                }
                else
                {
                    digits[0] = 1;
                    count = Math.Max(count, 1);
                    decimalExponent++;
                }
            }
            return count;
        }

        /// <summary>The fewest digits (from the default precision up to 17, or 9 for float) that parse back to the same value.</summary>
        private static int GenerateShortestRoundTrip(double value, ulong mantissa, int exponent, bool isSingle, Span<byte> digits, out int decimalExponent)
        {
            int first = isSingle ? SingleDefaultPrecision : DoubleDefaultPrecision;
            int last = isSingle ? SingleRoundTripPrecision : DoubleRoundTripPrecision;
            int count = 0;
            decimalExponent = 0;
            for (int precision = first; precision <= last; precision++)
            {
                count = TrimZeros(digits, GenerateDigits(mantissa, exponent, precision, -1, digits, out decimalExponent));
                double parsed = FloatingPointParsing.FromDigits(digits.Slice(0, count), decimalExponent + 1 - count, false);
                if (isSingle ? (float)parsed == (float)Math.Abs(value) : parsed == Math.Abs(value))
                {
                    break;
                }
            }
            return count;
        }

        private static int TrimZeros(Span<byte> digits, int count)
        {
            while (count > 0 && digits[count - 1] == 0)
            {
                count--;
            }
            return count;
        }

        /// <summary>Fixed notation unless the exponent is beyond <paramref name="threshold"/> digits or below 10^-5.</summary>
        private static void WriteGeneral(Span<byte> digits, int count, int decimalExponent, bool negative, int threshold, char exponentLetter, Span<char> destination, out int charsWritten)
        {
            if (count == 0)
            {
                charsWritten = 0;
                if (negative)
                {
                    destination[charsWritten++] = '-';
                }
                destination[charsWritten++] = '0';
                return;
            }
            int pointPosition = decimalExponent + 1;
            if (pointPosition > threshold || pointPosition < -3)
            {
                WriteScientific(digits, count, decimalExponent, count - 1, negative, exponentLetter, 2, destination, out charsWritten);
                return;
            }
            WriteFixed(digits, count, decimalExponent, Math.Max(count - pointPosition, 0), negative, false, destination, out charsWritten);
        }

        /// <summary>Integer part (optionally grouped with commas), then exactly <paramref name="decimals"/> digits after the point.</summary>
        private static void WriteFixed(Span<byte> digits, int count, int decimalExponent, int decimals, bool negative, bool grouped, Span<char> destination, out int charsWritten)
        {
            int position = 0;
            if (negative)
            {
                destination[position++] = '-';
            }
            if (count == 0 || decimalExponent < 0)
            {
                destination[position++] = '0';
            }
            else
            {
                int integerDigits = decimalExponent + 1;
                for (int i = 0; i < integerDigits; i++)
                {
                    if (grouped && i > 0 && (integerDigits - i) % 3 == 0)
                    {
                        destination[position++] = ',';
                    }
                    destination[position++] = (char)('0' + (i < count ? digits[i] : 0));
                }
            }
            if (decimals > 0)
            {
                destination[position++] = '.';
                for (int place = 1; place <= decimals; place++)
                {
                    // The digit at 10^-place sits at index decimalExponent + place.
                    int index = count == 0 ? -1 : decimalExponent + place;
                    destination[position++] = (char)('0' + (index >= 0 && index < count ? digits[index] : 0));
                }
            }
            charsWritten = position;
        }

        /// <summary>d.ddddE+xxx with <paramref name="decimals"/> digits after the point and at least <paramref name="exponentDigits"/> exponent digits.</summary>
        private static void WriteScientific(Span<byte> digits, int count, int decimalExponent, int decimals, bool negative, char exponentLetter, int exponentDigits, Span<char> destination, out int charsWritten)
        {
            int position = 0;
            if (negative)
            {
                destination[position++] = '-';
            }
            destination[position++] = (char)('0' + (count > 0 ? digits[0] : 0));
            if (decimals > 0)
            {
                destination[position++] = '.';
                for (int i = 1; i <= decimals; i++)
                {
                    destination[position++] = (char)('0' + (i < count ? digits[i] : 0));
                }
            }
            destination[position++] = exponentLetter;
            int shownExponent = count == 0 ? 0 : decimalExponent;
            destination[position++] = shownExponent < 0 ? '-' : '+';
            NumberFormatting.TryWriteDecimal((ulong)Math.Abs(shownExponent), false, exponentDigits, destination.Slice(position), out int written);
            charsWritten = position + written;
        }

        internal static int LeadingZeroCount(ulong value)
        {
            int count = 0;
            if (value == 0)
            {
                return 64;
            }
            while ((value & 0x8000000000000000) == 0)
            {
                value <<= 1;
                count++;
            }
            return count;
        }
    }
}
