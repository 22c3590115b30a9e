namespace Internal.Formatting
{
    /// <summary>Integer to text conversions shared by the primitives' ToString and the kernel's log.
    /// Pure logic over strings: compiled into the host tests too.</summary>
    public static unsafe class NumberFormatting
    {
        /// <summary>Hexadecimal digits, upper case, at least <paramref name="minimumDigits"/> of them.</summary>
        public static string FormatHex(ulong value, int minimumDigits, bool upperCase = true)
        {
            char* buffer = stackalloc char[16];
            int position = 16;
            do
            {
                int digit = (int)(value & 0xF);
                buffer[--position] = (char)(digit < 10 ? '0' + digit : (upperCase ? 'A' : 'a') + digit - 10);
                value >>= 4;
            }
            while (value != 0);
            while (16 - position < minimumDigits && position > 0)
            {
                buffer[--position] = '0';
            }
            return new string(buffer, position, 16 - position);
        }

        /// <summary>Decimal digits of an unsigned value, with a leading minus sign when <paramref name="negative"/>.</summary>
        public static string FormatDecimal(ulong magnitude, bool negative, int minimumDigits = 1)
        {
            char* buffer = stackalloc char[24];
            int position = 24;
            do
            {
                buffer[--position] = (char)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            while (magnitude != 0);
            while (24 - position < minimumDigits && position > 1)
            {
                buffer[--position] = '0';
            }
            if (negative)
            {
                buffer[--position] = '-';
            }
            return new string(buffer, position, 24 - position);
        }

        public static string FormatInt64(long value) => value < 0 ? FormatDecimal((ulong)(-(value + 1)) + 1, true) : FormatDecimal((ulong)value, false);
    }
}
