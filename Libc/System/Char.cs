namespace System
{
    /// <summary>
    /// A UTF-16 code unit. Classification and case mapping cover ASCII and Latin-1 (U+0000 to U+00FF) exactly
    /// as .NET does, plus the Unicode white-space characters; other characters (which would need the Unicode
    /// tables) are not letters, digits, punctuation or symbols here and map to themselves, except that ÿ and µ
    /// upper-case to Ÿ and Μ as in .NET.
    /// </summary>
    public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>, ISpanFormattable
    {
        private readonly char _value;

        public const char MinValue = '\0';
        public const char MaxValue = '\uffff';

        public override string ToString() => new string(_value, 1);

        public static string ToString(char c) => new string(c, 1);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString();

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
        {
            if (destination.Length == 0)
            {
                charsWritten = 0;
                return false;
            }
            destination[0] = _value;
            charsWritten = 1;
            return true;
        }

        public override int GetHashCode() => _value | (_value << 16);

        public bool Equals(char obj) => _value == obj;

        public override bool Equals(object obj) => obj is char other && _value == other;

        public int CompareTo(char value) => _value - value;

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is char other)
            {
                return _value - other;
            }
            throw new ArgumentException("Object must be of type Char.");
        }

        public static char Parse(string s)
        {
            if (s == null)
            {
                ThrowHelpers.ThrowArgumentNullException("s");
            }
            if (s.Length != 1)
            {
                throw new FormatException("String must be exactly one character long.");
            }
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            if (s == null || s.Length != 1)
            {
                result = '\0';
                return false;
            }
            result = s[0];
            return true;
        }

        public static bool IsAscii(char c) => c <= '\x007f';

        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        /// <summary>Decimal digits 0-9 (the other Unicode digit sets are beyond Latin-1).</summary>
        public static bool IsDigit(char c) => IsAsciiDigit(c);

        /// <summary>Digits plus the Latin-1 superscripts and fractions (² ³ ¹ ¼ ½ ¾).</summary>
        public static bool IsNumber(char c) => IsAsciiDigit(c) || c == '\u00B2' || c == '\u00B3' || c == '\u00B9' || (c >= '\u00BC' && c <= '\u00BE');

        public static bool IsLetter(char c)
        {
            if (c < 0x80)
            {
                return IsAsciiLetter(c);
            }
            // Latin-1 letters: ª µ º and À-ÿ except × and ÷.
            return c == '\u00AA' || c == '\u00B5' || c == '\u00BA' || (c >= '\u00C0' && c <= '\u00FF' && c != '\u00D7' && c != '\u00F7');
        }

        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        public static bool IsUpper(char c)
        {
            if (c < 0x80)
            {
                return IsAsciiLetterUpper(c);
            }
            return c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7';
        }

        public static bool IsLower(char c)
        {
            if (c < 0x80)
            {
                return IsAsciiLetterLower(c);
            }
            return c == '\u00AA' || c == '\u00B5' || c == '\u00BA' || (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7');
        }

        /// <summary>Space, tab, line breaks, NEL, no-break space and the other Unicode space separators.</summary>
        public static bool IsWhiteSpace(char c)
        {
            if (c <= '\u00FF')
            {
                return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00A0';
            }
            return c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        /// <summary>Space separators (Unicode category Zs, Zl, Zp).</summary>
        public static bool IsSeparator(char c)
        {
            return c == ' ' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        public static bool IsControl(char c) => c < 0x20 || (c >= '\u007F' && c <= '\u009F');

        // Latin-1 punctuation (Unicode categories Pc, Pd, Ps, Pe, Pi, Pf, Po) and symbols (Sm, Sc, Sk, So).
        private const string Latin1Punctuation = "!\"#%&'()*,-./:;?@[\\]_{}\u00A1\u00A7\u00AB\u00B6\u00B7\u00BB\u00BF";
        private const string Latin1Symbols = "$+<=>^`|~\u00A2\u00A3\u00A4\u00A5\u00A6\u00A8\u00A9\u00AC\u00AE\u00AF\u00B0\u00B1\u00B4\u00B8\u00D7\u00F7";

        public static bool IsPunctuation(char c) => c <= '\u00FF' && Latin1Punctuation.IndexOf(c) >= 0;

        public static bool IsSymbol(char c) => c <= '\u00FF' && Latin1Symbols.IndexOf(c) >= 0;

        public static bool IsSurrogate(char c) => c >= '\uD800' && c <= '\uDFFF';

        public static bool IsHighSurrogate(char c) => c >= '\uD800' && c <= '\uDBFF';

        public static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';

        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) => IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        public static bool IsDigit(string s, int index) => IsDigit(s[index]);

        public static bool IsLetter(string s, int index) => IsLetter(s[index]);

        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(s[index]);

        /// <summary>The value of a decimal digit, or -1.</summary>
        public static double GetNumericValue(char c) => IsAsciiDigit(c) ? c - '0' : -1;

        /// <summary>Upper case, invariant culture (the only one): Latin-1 rules.</summary>
        public static char ToUpper(char c) => ToUpperInvariant(c);

        public static char ToLower(char c) => ToLowerInvariant(c);

        public static char ToUpperInvariant(char c)
        {
            if (c < 0x80)
            {
                return IsAsciiLetterLower(c) ? (char)(c - 0x20) : c;
            }
            if (c >= '\u00E0' && c <= '\u00FE' && c != '\u00F7')
            {
                return (char)(c - 0x20);
            }
            if (c == '\u00FF')
            {
                return '\u0178';
            }
            return c == '\u00B5' ? '\u039C' : c;
        }

        public static char ToLowerInvariant(char c)
        {
            if (c < 0x80)
            {
                return IsAsciiLetterUpper(c) ? (char)(c + 0x20) : c;
            }
            if (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7')
            {
                return (char)(c + 0x20);
            }
            return c == '\u0178' ? '\u00FF' : c;
        }

        /// <summary>The code point of a surrogate pair.</summary>
        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsSurrogatePair(highSurrogate, lowSurrogate))
            {
                throw new ArgumentOutOfRangeException("highSurrogate");
            }
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        /// <summary>The UTF-16 text of a code point (one character, or a surrogate pair above U+FFFF).</summary>
        public static string ConvertFromUtf32(int utf32)
        {
            if ((uint)utf32 > 0x10FFFF || (utf32 >= 0xD800 && utf32 <= 0xDFFF))
            {
                throw new ArgumentOutOfRangeException("utf32");
            }
            if (utf32 < 0x10000)
            {
                return new string((char)utf32, 1);
            }
            int offset = utf32 - 0x10000;
            Span<char> pair = stackalloc char[2];
            pair[0] = (char)(0xD800 + (offset >> 10));
            pair[1] = (char)(0xDC00 + (offset & 0x3FF));
            return new string(pair);
        }
    }
}
