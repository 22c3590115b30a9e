using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    /// <summary>Span helpers as extension methods: creating spans over arrays and strings, searching, comparing, trimming.</summary>
    public static class MemoryExtensions
    {
        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

        public static Span<T> AsSpan<T>(this T[] array, int start)
        {
            if (array == null)
            {
                if (start != 0)
                {
                    ThrowHelpers.ThrowArgumentOutOfRangeException("start");
                }
                return default;
            }
            return new Span<T>(array, start, array.Length - start);
        }

        public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array, start, length);

        public static ReadOnlySpan<char> AsSpan(this string text)
        {
            if (text == null)
            {
                return default;
            }
            return new ReadOnlySpan<char>(ref text.GetRawFirstChar(), text.Length);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, int start)
        {
            if (text == null)
            {
                if (start != 0)
                {
                    ThrowHelpers.ThrowArgumentOutOfRangeException("start");
                }
                return default;
            }
            if ((uint)start > (uint)text.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawFirstChar(), start), text.Length - start);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
        {
            if (text == null)
            {
                if (start != 0 || length != 0)
                {
                    ThrowHelpers.ThrowArgumentOutOfRangeException("start");
                }
                return default;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)text.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawFirstChar(), start), length);
        }

        public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (AreEqual(span[i], value))
                {
                    return i;
                }
            }
            return -1;
        }

        public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        /// <summary>Where <paramref name="value"/> first occurs as a run in <paramref name="span"/>; an empty value is found at 0.</summary>
        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            int last = span.Length - value.Length;
            for (int start = 0; start <= last; start++)
            {
                if (span.Slice(start, value.Length).SequenceEqual(value))
                {
                    return start;
                }
            }
            return -1;
        }

        public static int LastIndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => LastIndexOf((ReadOnlySpan<T>)span, value);

        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = span.Length - 1; i >= 0; i--)
            {
                if (AreEqual(span[i], value))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Where <paramref name="value"/> last occurs as a run in <paramref name="span"/>; an empty value is found at the end.</summary>
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int start = span.Length - value.Length; start >= 0; start--)
            {
                if (span.Slice(start, value.Length).SequenceEqual(value))
                {
                    return start;
                }
            }
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T first, T second) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (AreEqual(span[i], first) || AreEqual(span[i], second))
                {
                    return i;
                }
            }
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (values.IndexOf(span[i]) >= 0)
                {
                    return i;
                }
            }
            return -1;
        }

        public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value) >= 0;

        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOf(span, value) >= 0;

        public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T> => SequenceEqual((ReadOnlySpan<T>)span, other);

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
        {
            if (span.Length != other.Length)
            {
                return false;
            }
            for (int i = 0; i < span.Length; i++)
            {
                if (!AreEqual(span[i], other[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Lexicographic order using each element's CompareTo; a proper prefix sorts first.</summary>
        public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IComparable<T>
        {
            int length = Math.Min(span.Length, other.Length);
            for (int i = 0; i < length; i++)
            {
                int result = span[i].CompareTo(other[i]);
                if (result != 0)
                {
                    return result;
                }
            }
            return span.Length.CompareTo(other.Length);
        }

        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => StartsWith((ReadOnlySpan<T>)span, value);

        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && span.Slice(span.Length - value.Length).SequenceEqual(value);

        public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => EndsWith((ReadOnlySpan<T>)span, value);

        public static void Reverse<T>(this Span<T> span)
        {
            int left = 0;
            int right = span.Length - 1;
            while (left < right)
            {
                T temporary = span[left];
                span[left] = span[right];
                span[right] = temporary;
                left++;
                right--;
            }
        }

        /// <summary>Sorts the span with the element type's default order (Comparer&lt;T&gt;.Default).</summary>
        public static void Sort<T>(this Span<T> span) => ArraySortHelper<T>.Sort(span, Comparer<T>.Default);

        public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
        {
            if (comparison == null)
            {
                ThrowHelpers.ThrowArgumentNullException("comparison");
            }
            ArraySortHelper<T>.Sort(span, comparison);
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => span.TrimStart().TrimEnd();

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start]))
            {
                start++;
            }
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int end = span.Length;
            while (end > 0 && char.IsWhiteSpace(span[end - 1]))
            {
                end--;
            }
            return span.Slice(0, end);
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimCharacter)
        {
            int start = 0;
            int end = span.Length;
            while (start < end && span[start] == trimCharacter)
            {
                start++;
            }
            while (end > start && span[end - 1] == trimCharacter)
            {
                end--;
            }
            return span.Slice(start, end - start);
        }

        public static bool IsWhiteSpace(this ReadOnlySpan<char> span)
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (!char.IsWhiteSpace(span[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Character comparison with a StringComparison (ordinal, or ASCII case-insensitive for the IgnoreCase kinds).</summary>
        public static bool Equals(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
            => span.Length == other.Length && string.CompareCharacters(span, other, string.IgnoresCase(comparisonType)) == 0;

        public static int CompareTo(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
            => string.CompareCharacters(span, other, string.IgnoresCase(comparisonType));

        public static bool StartsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
            => value.Length <= span.Length && Equals(span.Slice(0, value.Length), value, comparisonType);

        public static bool EndsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
            => value.Length <= span.Length && Equals(span.Slice(span.Length - value.Length), value, comparisonType);

        // IEquatable<T>.Equals through the constraint: no boxing; null references compare equal to each other only.
        private static bool AreEqual<T>(T left, T right) where T : IEquatable<T>
        {
            if (left == null)
            {
                return right == null;
            }
            return left.Equals(right);
        }
    }
}
