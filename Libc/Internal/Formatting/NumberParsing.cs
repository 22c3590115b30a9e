using System;
using System.Globalization;

namespace Internal.Formatting
{
    /// <summary>Why a parse failed, so Parse can throw the right exception and TryParse can just return false.</summary>
    public enum ParseStatus
    {
        Success,
        /// <summary>Empty input, a character that does not belong, or a misplaced sign.</summary>
        Format,
        /// <summary>Well-formed digits whose value does not fit the type.</summary>
        Overflow,
    }

    /// <summary>
    /// Text to integer conversions for the primitives' Parse/TryParse. Honours these NumberStyles:
    /// AllowLeadingWhite, AllowTrailingWhite, AllowLeadingSign, AllowTrailingSign, AllowThousands,
    /// AllowDecimalPoint (only zero fractional digits fit an integer), AllowHexSpecifier and
    /// AllowBinarySpecifier (digits only, no "0x"/"0b" prefix, as in .NET). Other styles are ignored.
    /// Pure logic over spans: compiled into the host tests too.
    /// </summary>
    public static class NumberParsing
    {
        /// <summary>Parses a signed integer of <paramref name="byteWidth"/> bytes; hex and binary digits are its two's complement bits.</summary>
        public static ParseStatus TryParseSigned(ReadOnlySpan<char> text, NumberStyles styles, int byteWidth, out long result)
        {
            result = 0;
            int bits = byteWidth * 8;
            if ((styles & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            {
                ParseStatus status = TryParseUnsigned(text, styles, byteWidth, out ulong raw);
                if (status == ParseStatus.Success)
                {
                    // Sign-extend from the type's width so "FFFFFFFF" is -1 for int.
                    result = bits >= 64 ? (long)raw : ((long)(raw << (64 - bits))) >> (64 - bits);
                }
                return status;
            }
            ulong maximum = (1UL << (bits - 1)) - 1;
            ParseStatus decimalStatus = TryParseDecimal(text, styles, out ulong magnitude, out bool negative, out bool overflowed);
            if (decimalStatus != ParseStatus.Success)
            {
                return decimalStatus;
            }
            if (overflowed || magnitude > maximum + (negative ? 1UL : 0UL))
            {
                return ParseStatus.Overflow;
            }
            result = negative ? (long)(0 - magnitude) : (long)magnitude;
            return ParseStatus.Success;
        }

        /// <summary>Parses an unsigned integer of <paramref name="byteWidth"/> bytes. "-0" is zero; any other negative overflows.</summary>
        public static ParseStatus TryParseUnsigned(ReadOnlySpan<char> text, NumberStyles styles, int byteWidth, out ulong result)
        {
            result = 0;
            int bits = byteWidth * 8;
            ulong maximum = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
            int start = 0;
            int end = text.Length;
            TrimWhite(text, styles, ref start, ref end);
            if (start == end)
            {
                return ParseStatus.Format;
            }
            if ((styles & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            {
                int shift = (styles & NumberStyles.AllowHexSpecifier) != 0 ? 4 : 1;
                ulong value = 0;
                bool overflowed = false;
                for (int i = start; i < end; i++)
                {
                    int digit = DigitValue(text[i]);
                    if (digit < 0 || digit >= (1 << shift))
                    {
                        return ParseStatus.Format;
                    }
                    // Leading zeros never overflow; a set bit shifted past the width does.
                    if ((value >> (bits - shift)) != 0)
                    {
                        overflowed = true;
                    }
                    value = (value << shift) | (uint)digit;
                }
                if (overflowed || value > maximum)
                {
                    return ParseStatus.Overflow;
                }
                result = value;
                return ParseStatus.Success;
            }
            ParseStatus status = TryParseDecimal(text, styles, out ulong magnitude, out bool negative, out bool decimalOverflowed);
            if (status != ParseStatus.Success)
            {
                return status;
            }
            if (decimalOverflowed || magnitude > maximum || (negative && magnitude != 0))
            {
                return ParseStatus.Overflow;
            }
            result = magnitude;
            return ParseStatus.Success;
        }

        /// <summary>
        /// Sign and decimal digits into a 64-bit magnitude. Overflow of 64 bits is reported through
        /// <paramref name="overflowed"/> rather than the status, so malformed text still reports Format first.
        /// </summary>
        private static ParseStatus TryParseDecimal(ReadOnlySpan<char> text, NumberStyles styles, out ulong magnitude, out bool negative, out bool overflowed)
        {
            magnitude = 0;
            negative = false;
            overflowed = false;
            int start = 0;
            int end = text.Length;
            TrimWhite(text, styles, ref start, ref end);
            if (start == end)
            {
                return ParseStatus.Format;
            }
            int position = start;
            bool signSeen = false;
            if ((styles & NumberStyles.AllowLeadingSign) != 0 && (text[position] == '-' || text[position] == '+'))
            {
                negative = text[position] == '-';
                signSeen = true;
                position++;
            }
            if ((styles & NumberStyles.AllowTrailingSign) != 0 && !signSeen && end - position > 1 && (text[end - 1] == '-' || text[end - 1] == '+'))
            {
                negative = text[end - 1] == '-';
                end--;
            }
            int digitCount = 0;
            bool fractionNonZero = false;
            bool inFraction = false;
            for (; position < end; position++)
            {
                char character = text[position];
                if (character >= '0' && character <= '9')
                {
                    int digit = character - '0';
                    digitCount++;
                    if (inFraction)
                    {
                        fractionNonZero |= digit != 0;
                        continue;
                    }
                    if (magnitude > (ulong.MaxValue - (ulong)digit) / 10)
                    {
                        overflowed = true;
                    }
                    else
                    {
                        magnitude = magnitude * 10 + (ulong)digit;
                    }
                    continue;
                }
                if (character == ',' && (styles & NumberStyles.AllowThousands) != 0 && digitCount > 0 && !inFraction)
                {
                    continue;
                }
                if (character == '.' && (styles & NumberStyles.AllowDecimalPoint) != 0 && !inFraction)
                {
                    inFraction = true;
                    continue;
                }
                return ParseStatus.Format;
            }
            if (digitCount == 0)
            {
                return ParseStatus.Format;
            }
            if (fractionNonZero)
            {
                // A fraction cannot be stored in an integer: .NET reports it as overflow, not as bad format.
                overflowed = true;
            }
            return ParseStatus.Success;
        }

        private static void TrimWhite(ReadOnlySpan<char> text, NumberStyles styles, ref int start, ref int end)
        {
            if ((styles & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (start < end && IsWhite(text[start]))
                {
                    start++;
                }
            }
            if ((styles & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (end > start && IsWhite(text[end - 1]))
                {
                    end--;
                }
            }
        }

        /// <summary>The exception Parse throws for a failed status: FormatException or OverflowException naming the type.</summary>
        public static Exception CreateException(ParseStatus status, string typeName)
        {
            if (status == ParseStatus.Overflow)
            {
                return new OverflowException("Value was either too large or too small for " + (typeName == "Int32" || typeName == "Int16" || typeName == "Int64" ? "an " : "a ") + typeName + ".");
            }
            return new FormatException("The input string was not in a correct format.");
        }

        /// <summary>The white space number parsing skips: tab, line feed, vertical tab, form feed, carriage return, space.</summary>
        public static bool IsWhite(char character) => character == ' ' || (character >= '\t' && character <= '\r');

        /// <summary>0-9, then a-f/A-F as 10-15; -1 for anything else.</summary>
        public static int DigitValue(char character)
        {
            if (character >= '0' && character <= '9')
            {
                return character - '0';
            }
            if (character >= 'a' && character <= 'f')
            {
                return character - 'a' + 10;
            }
            if (character >= 'A' && character <= 'F')
            {
                return character - 'A' + 10;
            }
            return -1;
        }
    }
}
