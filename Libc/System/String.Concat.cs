using System.Collections.Generic;
using System.Runtime;
using System.Text;

namespace System
{
    public sealed unsafe partial class String
    {
        public static string Concat(object value) => TextOf(value);

        public static string Concat(object first, object second) => Concat(TextOf(first), TextOf(second));

        public static string Concat(object first, object second, object third) => Concat(TextOf(first), TextOf(second), TextOf(third));

        /// <summary>
        /// An object's text for concatenation: "" for null; boxed values go through StringBuilder, which formats
        /// boxed primitives without a virtual call through the box.
        /// </summary>
        internal static string TextOf(object value)
        {
            if (value == null)
            {
                return Empty;
            }
            if (value is not ValueType)
            {
                return value.ToString() ?? Empty;
            }
            StringBuilder builder = new StringBuilder();
            builder.Append(value);
            string result = builder.ToStringAndRelease();
            StorageRelease.Release(builder);
            return result;
        }

        public static string Concat(params object[] values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            string[] texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                texts[i] = TextOf(values[i]);
            }
            string result = Concat(texts);
            StorageRelease.Release(texts);
            return result;
        }

        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
        {
            int length = first.Length + second.Length;
            if (length == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(length);
            Span<char> destination = new Span<char>(ref result._firstChar, length);
            first.CopyTo(destination);
            second.CopyTo(destination.Slice(first.Length));
            return result;
        }

        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
        {
            int length = first.Length + second.Length + third.Length;
            if (length == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(length);
            Span<char> destination = new Span<char>(ref result._firstChar, length);
            first.CopyTo(destination);
            second.CopyTo(destination.Slice(first.Length));
            third.CopyTo(destination.Slice(first.Length + second.Length));
            return result;
        }

        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, ReadOnlySpan<char> fourth)
        {
            int length = first.Length + second.Length + third.Length + fourth.Length;
            if (length == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(length);
            Span<char> destination = new Span<char>(ref result._firstChar, length);
            first.CopyTo(destination);
            second.CopyTo(destination.Slice(first.Length));
            third.CopyTo(destination.Slice(first.Length + second.Length));
            fourth.CopyTo(destination.Slice(first.Length + second.Length + third.Length));
            return result;
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            StringBuilder builder = new StringBuilder();
            foreach (string value in values)
            {
                builder.Append(value);
            }
            return builder.ToStringAndRelease();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            StringBuilder builder = new StringBuilder();
            foreach (T value in values)
            {
                if (value != null)
                {
                    builder.Append(value.ToString());
                }
            }
            return builder.ToStringAndRelease();
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            return Join(separator, value, 0, value.Length);
        }

        public static string Join(char separator, params string[] value)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            return JoinCore(new ReadOnlySpan<char>(ref separator), value, 0, value.Length);
        }

        /// <summary>value[startIndex..startIndex+count] with the separator between them; null elements count as empty.</summary>
        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            if (startIndex < 0 || count < 0 || startIndex > value.Length - count)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(startIndex < 0 ? "startIndex" : "count");
            }
            return JoinCore(separator, value, startIndex, count);
        }

        public static string Join(string separator, params object[] values) => JoinObjects(separator, values);

        public static string Join(char separator, params object[] values) => JoinObjects(new ReadOnlySpan<char>(ref separator), values);

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            StringBuilder builder = new StringBuilder();
            bool first = true;
            foreach (string value in values)
            {
                if (!first)
                {
                    builder.Append(separator);
                }
                builder.Append(value);
                first = false;
            }
            return builder.ToStringAndRelease();
        }

        public static string Join<T>(string separator, IEnumerable<T> values) => JoinEnumerable(separator, values);

        public static string Join<T>(char separator, IEnumerable<T> values) => JoinEnumerable(new ReadOnlySpan<char>(ref separator), values);

        private static string JoinEnumerable<T>(ReadOnlySpan<char> separator, IEnumerable<T> values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            StringBuilder builder = new StringBuilder();
            bool first = true;
            foreach (T value in values)
            {
                if (!first)
                {
                    builder.Append(separator);
                }
                if (value != null)
                {
                    builder.Append(value.ToString());
                }
                first = false;
            }
            return builder.ToStringAndRelease();
        }

        private static string JoinObjects(ReadOnlySpan<char> separator, object[] values)
        {
            if (values == null)
            {
                ThrowHelpers.ThrowArgumentNullException("values");
            }
            string[] texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                texts[i] = TextOf(values[i]);
            }
            string result = JoinCore(separator, texts, 0, texts.Length);
            StorageRelease.Release(texts);
            return result;
        }

        private static string JoinCore(ReadOnlySpan<char> separator, string[] values, int startIndex, int count)
        {
            if (count == 0)
            {
                return Empty;
            }
            if (count == 1)
            {
                return values[startIndex] ?? Empty;
            }
            int length = separator.Length * (count - 1);
            for (int i = startIndex; i < startIndex + count; i++)
            {
                length += values[i]?.Length ?? 0;
            }
            string result = FastAllocateString(length);
            Span<char> destination = new Span<char>(ref result._firstChar, length);
            int position = 0;
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if (i > startIndex)
                {
                    separator.CopyTo(destination.Slice(position));
                    position += separator.Length;
                }
                string value = values[i];
                if (value != null)
                {
                    value.AsSpan().CopyTo(destination.Slice(position));
                    position += value.Length;
                }
            }
            return result;
        }
    }
}
