using System;

namespace Internal.Formatting
{
    /// <summary>
    /// A standard numeric format string: one letter and an optional precision ("X8", "D3", "F2", "G").
    /// Custom patterns ("0.00", "#,##0") are not supported and are rejected with FormatException.
    /// </summary>
    public readonly struct FormatSpecifier
    {
        /// <summary>Precision value meaning "none given".</summary>
        public const int NoPrecision = -1;

        // Large enough for any realistic use, small enough that buffers sized from it stay sane.
        public const int MaximumPrecision = 999;

        public FormatSpecifier(char kind, int precision)
        {
            Kind = kind;
            Precision = precision;
        }

        /// <summary>The format letter as written (case matters for 'X' and 'x').</summary>
        public char Kind { get; }

        public int Precision { get; }

        /// <summary>The letter in upper case, for switches that do not care about case.</summary>
        public char UpperKind => Kind >= 'a' && Kind <= 'z' ? (char)(Kind - 32) : Kind;

        /// <summary>An empty or null format is 'G' with no precision.</summary>
        public static FormatSpecifier Parse(ReadOnlySpan<char> format)
        {
            if (format.Length == 0)
            {
                return new FormatSpecifier('G', NoPrecision);
            }
            char kind = format[0];
            if (!((kind >= 'A' && kind <= 'Z') || (kind >= 'a' && kind <= 'z')))
            {
                throw new FormatException("Format specifier was invalid.");
            }
            if (format.Length == 1)
            {
                return new FormatSpecifier(kind, NoPrecision);
            }
            int precision = 0;
            for (int i = 1; i < format.Length; i++)
            {
                char digit = format[i];
                if (digit < '0' || digit > '9')
                {
                    throw new FormatException("Format specifier was invalid.");
                }
                precision = precision * 10 + (digit - '0');
                if (precision > MaximumPrecision)
                {
                    throw new FormatException("Precision specified in the format string is too large.");
                }
            }
            return new FormatSpecifier(kind, precision);
        }
    }
}
