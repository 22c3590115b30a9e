using System;

namespace Internal.Formatting
{
    /// <summary>
    /// Integer to text conversions shared by the primitives' ToString/TryFormat and the kernel's log.
    /// Pure logic over spans and strings: compiled into the host tests too.
    /// Supported formats: G (default), D[n], X[n]/x[n] (two's complement for negatives, masked to the type's
    /// width), B[n] (binary), N[n] (thousands separators, n decimals, default 2), F[n] (n decimals, default 2).
    /// </summary>
    public static class NumberFormatting
    {
        /// <summary>The longest output without a precision: 64 binary digits, or 20 digits with commas, sign and ".00".</summary>
        private const int BaseLength = 96;

        /// <summary>Hexadecimal digits, upper case by default, at least <paramref name="minimumDigits"/> (at most 16) of them.</summary>
        public static string FormatHex(ulong value, int minimumDigits, bool upperCase = true)
        {
            Span<char> buffer = stackalloc char[16];
            TryWriteHex(value, Math.Min(minimumDigits, 16), upperCase, buffer, out int written);
            return new string(buffer.Slice(0, written));
        }

        /// <summary>Decimal digits of an unsigned value, with a leading minus sign when <paramref name="negative"/>.</summary>
        public static string FormatDecimal(ulong magnitude, bool negative, int minimumDigits = 1)
        {
            Span<char> buffer = stackalloc char[24];
            TryWriteDecimal(magnitude, negative, Math.Min(minimumDigits, 23), buffer, out int written);
            return new string(buffer.Slice(0, written));
        }

        public static string FormatInt64(long value) => value < 0 ? FormatDecimal(Magnitude(value), true) : FormatDecimal((ulong)value, false);

        public static string FormatUInt64(ulong value) => FormatDecimal(value, false);

        /// <summary>A signed integer of <paramref name="byteWidth"/> bytes (1, 2, 4 or 8) with a format string.</summary>
        public static string FormatInt64(long value, int byteWidth, ReadOnlySpan<char> format)
        {
            if (format.Length == 0)
            {
                return FormatInt64(value);
            }
            FormatSpecifier specifier = FormatSpecifier.Parse(format);
            int length = RequiredLength(specifier);
            Span<char> buffer = length <= 256 ? stackalloc char[256] : new char[length];
            WriteInt64(value, byteWidth, specifier, buffer, out int written);
            return new string(buffer.Slice(0, written));
        }

        /// <summary>An unsigned integer with a format string.</summary>
        public static string FormatUInt64(ulong value, ReadOnlySpan<char> format)
        {
            if (format.Length == 0)
            {
                return FormatUInt64(value);
            }
            FormatSpecifier specifier = FormatSpecifier.Parse(format);
            int length = RequiredLength(specifier);
            Span<char> buffer = length <= 256 ? stackalloc char[256] : new char[length];
            WriteUInt64(value, false, specifier, buffer, out int written);
            return new string(buffer.Slice(0, written));
        }

        /// <summary>TryFormat for signed integers: false when <paramref name="destination"/> is too small.</summary>
        public static bool TryFormatInt64(long value, int byteWidth, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            return WriteInt64(value, byteWidth, FormatSpecifier.Parse(format), destination, out charsWritten);
        }

        /// <summary>TryFormat for unsigned integers: false when <paramref name="destination"/> is too small.</summary>
        public static bool TryFormatUInt64(ulong value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            return WriteUInt64(value, false, FormatSpecifier.Parse(format), destination, out charsWritten);
        }

        private static int RequiredLength(FormatSpecifier specifier) => BaseLength + Math.Max(specifier.Precision, 0);

        private static bool WriteInt64(long value, int byteWidth, FormatSpecifier specifier, Span<char> destination, out int charsWritten)
        {
            char kind = specifier.UpperKind;
            if (kind == 'X' || kind == 'B')
            {
                // Hex and binary show the two's complement bits of the value's own width: (-1).ToString("X") is FFFFFFFF for int.
                ulong mask = byteWidth >= 8 ? ulong.MaxValue : (1UL << (byteWidth * 8)) - 1;
                return WriteUInt64((ulong)value & mask, false, specifier, destination, out charsWritten);
            }
            return value < 0
                ? WriteUInt64(Magnitude(value), true, specifier, destination, out charsWritten)
                : WriteUInt64((ulong)value, false, specifier, destination, out charsWritten);
        }

        private static bool WriteUInt64(ulong magnitude, bool negative, FormatSpecifier specifier, Span<char> destination, out int charsWritten)
        {
            int precision = specifier.Precision;
            switch (specifier.UpperKind)
            {
                case 'G':
                    // G with a precision rounds to significant digits in .NET; integers here always print in full.
                    return TryWriteDecimal(magnitude, negative, 1, destination, out charsWritten);
                case 'D':
                    return TryWriteDecimal(magnitude, negative, Math.Max(precision, 1), destination, out charsWritten);
                case 'X':
                    return TryWriteHex(magnitude, Math.Max(precision, 1), specifier.Kind == 'X', destination, out charsWritten);
                case 'B':
                    return TryWriteBinary(magnitude, Math.Max(precision, 1), destination, out charsWritten);
                case 'N':
                    return TryWriteFixed(magnitude, negative, precision < 0 ? 2 : precision, true, destination, out charsWritten);
                case 'F':
                    return TryWriteFixed(magnitude, negative, precision < 0 ? 2 : precision, false, destination, out charsWritten);
                default:
                    throw new FormatException("Format specifier was invalid.");
            }
        }

        /// <summary>|value| without overflow for long.MinValue.</summary>
        private static ulong Magnitude(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

        public static int CountDecimalDigits(ulong value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value /= 10;
                digits++;
            }
            return digits;
        }

        public static bool TryWriteDecimal(ulong magnitude, bool negative, int minimumDigits, Span<char> destination, out int charsWritten)
        {
            int digits = Math.Max(CountDecimalDigits(magnitude), minimumDigits);
            int length = digits + (negative ? 1 : 0);
            if (length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            if (negative)
            {
                destination[0] = '-';
            }
            for (int position = length - 1; position >= length - digits; position--)
            {
                destination[position] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            charsWritten = length;
            return true;
        }

        public static bool TryWriteHex(ulong value, int minimumDigits, bool upperCase, Span<char> destination, out int charsWritten)
        {
            int digits = 1;
            for (ulong rest = value >> 4; rest != 0; rest >>= 4)
            {
                digits++;
            }
            digits = Math.Max(digits, minimumDigits);
            if (digits > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            char letterBase = upperCase ? 'A' : 'a';
            for (int position = digits - 1; position >= 0; position--)
            {
                int digit = (int)(value & 0xF);
                destination[position] = (char)(digit < 10 ? '0' + digit : letterBase + digit - 10);
                value >>= 4;
            }
            charsWritten = digits;
            return true;
        }

        private static bool TryWriteBinary(ulong value, int minimumDigits, Span<char> destination, out int charsWritten)
        {
            int digits = 1;
            for (ulong rest = value >> 1; rest != 0; rest >>= 1)
            {
                digits++;
            }
            digits = Math.Max(digits, minimumDigits);
            if (digits > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            for (int position = digits - 1; position >= 0; position--)
            {
                destination[position] = (char)('0' + (int)(value & 1));
                value >>= 1;
            }
            charsWritten = digits;
            return true;
        }

        /// <summary>"-1,234.00" (grouped) or "-1234.00": the integer, then <paramref name="decimals"/> zeros after a point.</summary>
        private static bool TryWriteFixed(ulong magnitude, bool negative, int decimals, bool grouped, Span<char> destination, out int charsWritten)
        {
            int digits = CountDecimalDigits(magnitude);
            int separators = grouped ? (digits - 1) / 3 : 0;
            int length = (negative ? 1 : 0) + digits + separators + (decimals > 0 ? decimals + 1 : 0);
            if (length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            int position = 0;
            if (negative)
            {
                destination[position++] = '-';
            }
            int integerEnd = position + digits + separators;
            int index = integerEnd;
            for (int digit = 0; digit < digits; digit++)
            {
                if (grouped && digit > 0 && digit % 3 == 0)
                {
                    destination[--index] = ',';
                }
                destination[--index] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            position = integerEnd;
            if (decimals > 0)
            {
                destination[position++] = '.';
                for (int i = 0; i < decimals; i++)
                {
                    destination[position++] = '0';
                }
            }
            charsWritten = position;
            return true;
        }
    }
}
