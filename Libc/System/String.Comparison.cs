namespace System
{
    public sealed partial class String
    {
        /// <summary>Compares by UTF-16 code unit; null sorts before everything.</summary>
        public static int CompareOrdinal(string left, string right)
        {
            if ((object)left == right)
            {
                return 0;
            }
            if (left == null)
            {
                return -1;
            }
            if (right == null)
            {
                return 1;
            }
            return CompareCharacters(left, right, false);
        }

        /// <summary>Compares at most <paramref name="length"/> characters starting at the given indices.</summary>
        public static int CompareOrdinal(string left, int leftIndex, string right, int rightIndex, int length)
        {
            if (left == null || right == null)
            {
                return left == null ? (right == null ? 0 : -1) : 1;
            }
            if (length < 0 || leftIndex < 0 || rightIndex < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(length < 0 ? "length" : "index");
            }
            int leftLength = Math.Min(length, left.Length - leftIndex);
            int rightLength = Math.Min(length, right.Length - rightIndex);
            if (leftLength < 0 || rightLength < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            }
            return CompareCharacters(left.AsSpan(leftIndex, leftLength), right.AsSpan(rightIndex, rightLength), false);
        }

        /// <summary>Ordinal comparison (the system has no cultures).</summary>
        public static int Compare(string left, string right) => CompareOrdinal(left, right);

        public static int Compare(string left, string right, bool ignoreCase) => Compare(left, right, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public static int Compare(string left, string right, StringComparison comparisonType)
        {
            if ((object)left == right)
            {
                return 0;
            }
            if (left == null)
            {
                return -1;
            }
            if (right == null)
            {
                return 1;
            }
            return CompareCharacters(left, right, IgnoresCase(comparisonType));
        }

        public int CompareTo(string other) => CompareOrdinal(this, other);

        public int CompareTo(object value)
        {
            if (value == null)
            {
                return 1;
            }
            if (value is not string other)
            {
                throw new ArgumentException("Object must be of type String.");
            }
            return CompareOrdinal(this, other);
        }

        public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

        public static bool Equals(string left, string right, StringComparison comparisonType)
        {
            if ((object)left == right)
            {
                return true;
            }
            if (left == null || right == null || left.Length != right.Length)
            {
                return false;
            }
            return CompareCharacters(left, right, IgnoresCase(comparisonType)) == 0;
        }

        public bool StartsWith(string value) => StartsWith(value, StringComparison.Ordinal);

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            return value.Length <= Length && CompareCharacters(this.AsSpan(0, value.Length), value, IgnoresCase(comparisonType)) == 0;
        }

        public bool StartsWith(char value) => Length != 0 && this[0] == value;

        public bool EndsWith(string value) => EndsWith(value, StringComparison.Ordinal);

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            return value.Length <= Length && CompareCharacters(this.AsSpan(Length - value.Length), value, IgnoresCase(comparisonType)) == 0;
        }

        public bool EndsWith(char value) => Length != 0 && this[Length - 1] == value;

        internal static bool IgnoresCase(StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
            {
                ThrowHelpers.ThrowArgumentException("The string comparison type passed in is currently not supported.");
            }
            return ((int)comparisonType & 1) != 0;
        }

        /// <summary>Lexicographic by code unit (after case folding when asked); a proper prefix sorts first.</summary>
        internal static int CompareCharacters(ReadOnlySpan<char> left, ReadOnlySpan<char> right, bool ignoreCase)
        {
            int length = Math.Min(left.Length, right.Length);
            for (int i = 0; i < length; i++)
            {
                char a = left[i];
                char b = right[i];
                if (a != b && ignoreCase)
                {
                    a = char.ToUpperInvariant(a);
                    b = char.ToUpperInvariant(b);
                }
                if (a != b)
                {
                    return a - b;
                }
            }
            return left.Length - right.Length;
        }
    }
}
