namespace System
{
    public sealed partial class String
    {
        public int IndexOf(char value) => IndexOf(value, 0, Length);

        public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, Length - startIndex);

        /// <summary>First index of <paramref name="value"/> in [startIndex, startIndex + count), or -1.</summary>
        public int IndexOf(char value, int startIndex, int count)
        {
            CheckSearchRange(startIndex, count);
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (this[i] == value)
                {
                    return i;
                }
            }
            return -1;
        }

        public int IndexOf(char value, StringComparison comparisonType)
        {
            if (!IgnoresCase(comparisonType))
            {
                return IndexOf(value);
            }
            char folded = char.ToUpperInvariant(value);
            for (int i = 0; i < Length; i++)
            {
                if (char.ToUpperInvariant(this[i]) == folded)
                {
                    return i;
                }
            }
            return -1;
        }

        public int IndexOf(string value) => IndexOf(value, 0, Length, StringComparison.Ordinal);

        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, Length - startIndex, StringComparison.Ordinal);

        public int IndexOf(string value, int startIndex, int count) => IndexOf(value, startIndex, count, StringComparison.Ordinal);

        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType);

        public int IndexOf(string value, int startIndex, StringComparison comparisonType) => IndexOf(value, startIndex, Length - startIndex, comparisonType);

        /// <summary>First index where <paramref name="value"/> occurs entirely inside [startIndex, startIndex + count); an empty value is found at startIndex.</summary>
        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            CheckSearchRange(startIndex, count);
            bool ignoreCase = IgnoresCase(comparisonType);
            int last = startIndex + count - value.Length;
            for (int i = startIndex; i <= last; i++)
            {
                if (CompareCharacters(this.AsSpan(i, value.Length), value, ignoreCase) == 0)
                {
                    return i;
                }
            }
            return -1;
        }

        public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0, Length);

        public int IndexOfAny(char[] anyOf, int startIndex) => IndexOfAny(anyOf, startIndex, Length - startIndex);

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null)
            {
                ThrowHelpers.ThrowArgumentNullException("anyOf");
            }
            CheckSearchRange(startIndex, count);
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (Array.IndexOf(anyOf, this[i]) >= 0)
                {
                    return i;
                }
            }
            return -1;
        }

        public int LastIndexOf(char value) => LastIndexOf(value, Length - 1, Length);

        public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

        /// <summary>Searches backwards from <paramref name="startIndex"/> over <paramref name="count"/> characters.</summary>
        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (Length == 0)
            {
                return -1;
            }
            CheckBackwardRange(startIndex, count);
            int end = startIndex - count;
            for (int i = startIndex; i > end; i--)
            {
                if (this[i] == value)
                {
                    return i;
                }
            }
            return -1;
        }

        public int LastIndexOf(string value) => LastIndexOf(value, Length - 1, Length, StringComparison.Ordinal);

        public int LastIndexOf(string value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1, StringComparison.Ordinal);

        public int LastIndexOf(string value, StringComparison comparisonType) => LastIndexOf(value, Length - 1, Length, comparisonType);

        /// <summary>
        /// Last index where <paramref name="value"/> occurs entirely inside the <paramref name="count"/> characters
        /// ending at <paramref name="startIndex"/>. An empty value is found just after startIndex, as in .NET.
        /// </summary>
        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            bool ignoreCase = IgnoresCase(comparisonType);
            if (Length == 0)
            {
                return value.Length == 0 ? 0 : -1;
            }
            if (startIndex == Length)
            {
                // .NET allows starting one past the end (the default for the whole string).
                startIndex--;
                if (count > 0)
                {
                    count--;
                }
            }
            CheckBackwardRange(startIndex, count);
            if (value.Length == 0)
            {
                return startIndex + 1;
            }
            int windowStart = startIndex - count + 1;
            for (int i = startIndex - value.Length + 1; i >= windowStart; i--)
            {
                if (CompareCharacters(this.AsSpan(i, value.Length), value, ignoreCase) == 0)
                {
                    return i;
                }
            }
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            if (anyOf == null)
            {
                ThrowHelpers.ThrowArgumentNullException("anyOf");
            }
            for (int i = Length - 1; i >= 0; i--)
            {
                if (Array.IndexOf(anyOf, this[i]) >= 0)
                {
                    return i;
                }
            }
            return -1;
        }

        public bool Contains(char value) => IndexOf(value) >= 0;

        public bool Contains(char value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        public bool Contains(string value) => IndexOf(value, 0, Length, StringComparison.Ordinal) >= 0;

        public bool Contains(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType) >= 0;

        private void CheckSearchRange(int startIndex, int count)
        {
            if ((uint)startIndex > (uint)Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            }
            if ((uint)count > (uint)(Length - startIndex))
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            }
        }

        private void CheckBackwardRange(int startIndex, int count)
        {
            if ((uint)startIndex >= (uint)Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            }
            if (count < 0 || startIndex - count + 1 < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            }
        }
    }
}
