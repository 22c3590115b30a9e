namespace System
{
    /// <summary>`bool`. Prints and parses as "True"/"False" (parsing ignores case and surrounding white space).</summary>
    public readonly struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        private readonly bool _value;

        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        public override string ToString() => _value ? "True" : "False";

        public string ToString(IFormatProvider provider) => ToString();

        public bool TryFormat(Span<char> destination, out int charsWritten)
        {
            string text = _value ? "True" : "False";
            if (text.AsSpan().TryCopyTo(destination))
            {
                charsWritten = text.Length;
                return true;
            }
            charsWritten = 0;
            return false;
        }

        public override int GetHashCode() => _value ? 1 : 0;

        public bool Equals(bool obj) => _value == obj;

        public override bool Equals(object obj) => obj is bool other && _value == other;

        /// <summary>false sorts before true.</summary>
        public int CompareTo(bool value) => _value == value ? 0 : _value ? 1 : -1;

        public int CompareTo(object obj)
        {
            if (obj == null)
            {
                return 1;
            }
            if (obj is bool other)
            {
                return CompareTo(other);
            }
            throw new ArgumentException("Object must be of type Boolean.");
        }

        public static bool Parse(string value)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            return Parse(value.AsSpan());
        }

        public static bool Parse(ReadOnlySpan<char> value)
        {
            if (!TryParse(value, out bool result))
            {
                throw new FormatException("String was not recognized as a valid Boolean.");
            }
            return result;
        }

        public static bool TryParse(string value, out bool result) => TryParse(value.AsSpan(), out result);

        public static bool TryParse(ReadOnlySpan<char> value, out bool result)
        {
            ReadOnlySpan<char> trimmed = value.Trim();
            if (trimmed.Equals("True", StringComparison.OrdinalIgnoreCase))
            {
                result = true;
                return true;
            }
            result = false;
            return trimmed.Equals("False", StringComparison.OrdinalIgnoreCase);
        }
    }
}
