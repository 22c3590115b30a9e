using System.Runtime;

namespace System.Text
{
    /// <summary>
    /// A growable character buffer for building strings. Also the engine behind string.Format
    /// (<see cref="AppendFormat(string, object[])"/>) and string interpolation (<see cref="AppendFormatted{T}"/>):
    /// values that implement ISpanFormattable are formatted straight into the buffer, with no temporary string.
    /// Written against public APIs only, so the host tests compile this same file.
    /// </summary>
    public sealed class StringBuilder
    {
        private const int DefaultCapacity = 16;

        // A TryFormat that keeps asking for more room past this is treated as broken rather than fed forever.
        private const int MaximumFormatGrowth = 1 << 20;

        private char[] _chars;
        private int _length;

        public StringBuilder() : this(DefaultCapacity)
        {
        }

        public StringBuilder(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            _chars = capacity == 0 ? Array.Empty<char>() : new char[capacity];
        }

        public StringBuilder(string value) : this(value, DefaultCapacity)
        {
        }

        public StringBuilder(string value, int capacity) : this(Math.Max(capacity, value == null ? 0 : value.Length))
        {
            Append(value);
        }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value");
                }
                if (value > _length)
                {
                    // Growing fills with NUL characters, as in .NET.
                    EnsureCapacity(value);
                    _chars.AsSpan(_length, value - _length).Clear();
                }
                _length = value;
            }
        }

        public int Capacity
        {
            get => _chars.Length;
            set
            {
                if (value < _length)
                {
                    throw new ArgumentOutOfRangeException("value");
                }
                if (value != _chars.Length)
                {
                    Reallocate(value);
                }
            }
        }

        public int MaxCapacity => int.MaxValue;

        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                {
                    throw new IndexOutOfRangeException();
                }
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length)
                {
                    throw new IndexOutOfRangeException();
                }
                _chars[index] = value;
            }
        }

        /// <summary>Makes room for at least <paramref name="capacity"/> characters; returns the new capacity.</summary>
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            if (capacity > _chars.Length)
            {
                // Double (at least) so appending n characters one at a time costs O(n) copies in total.
                Reallocate(Math.Max(capacity, Math.Max(_chars.Length * 2, DefaultCapacity)));
            }
            return _chars.Length;
        }

        public StringBuilder Append(char value)
        {
            if (_length == _chars.Length)
            {
                EnsureCapacity(_length + 1);
            }
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0)
            {
                throw new ArgumentOutOfRangeException("repeatCount");
            }
            EnsureCapacity(_length + repeatCount);
            _chars.AsSpan(_length, repeatCount).Fill(value);
            _length += repeatCount;
            return this;
        }

        public StringBuilder Append(string value) => value == null ? this : Append(value.AsSpan());

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (value == null)
            {
                if (startIndex != 0 || count != 0)
                {
                    throw new ArgumentNullException("value");
                }
                return this;
            }
            return Append(value.AsSpan(startIndex, count));
        }

        public StringBuilder Append(char[] value) => value == null ? this : Append(new ReadOnlySpan<char>(value));

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (value == null)
            {
                if (startIndex != 0 || charCount != 0)
                {
                    throw new ArgumentNullException("value");
                }
                return this;
            }
            return Append(new ReadOnlySpan<char>(value, startIndex, charCount));
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            if (value.Length > _chars.Length - _length)
            {
                EnsureCapacity(_length + value.Length);
            }
            value.CopyTo(_chars.AsSpan(_length));
            _length += value.Length;
            return this;
        }

        public StringBuilder Append(StringBuilder value) => value == null ? this : Append(new ReadOnlySpan<char>(value._chars, 0, value._length));

        public StringBuilder Append(bool value) => Append(value ? "True" : "False");

        public StringBuilder Append(sbyte value) => AppendSpanFormattable(value);

        public StringBuilder Append(byte value) => AppendSpanFormattable(value);

        public StringBuilder Append(short value) => AppendSpanFormattable(value);

        public StringBuilder Append(ushort value) => AppendSpanFormattable(value);

        public StringBuilder Append(int value) => AppendSpanFormattable(value);

        public StringBuilder Append(uint value) => AppendSpanFormattable(value);

        public StringBuilder Append(long value) => AppendSpanFormattable(value);

        public StringBuilder Append(ulong value) => AppendSpanFormattable(value);

        public StringBuilder Append(float value) => AppendSpanFormattable(value);

        public StringBuilder Append(double value) => AppendSpanFormattable(value);

        public StringBuilder Append(object value)
        {
            AppendFormatted(value, 0, default);
            return this;
        }

        public StringBuilder AppendLine() => Append('\n');

        public StringBuilder AppendLine(string value) => Append(value).Append('\n');

        public StringBuilder AppendJoin(string separator, params string[] values)
        {
            if (values == null)
            {
                throw new ArgumentNullException("values");
            }
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    Append(separator);
                }
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin(char separator, params string[] values)
        {
            if (values == null)
            {
                throw new ArgumentNullException("values");
            }
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    Append(separator);
                }
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }
            MakeGap(index, value.Length);
            value.AsSpan().CopyTo(_chars.AsSpan(index));
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            if ((uint)index > (uint)_length)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            MakeGap(index, 1);
            _chars[index] = value;
            return this;
        }

        public StringBuilder Insert(int index, char[] value) => Insert(index, value == null ? null : new string(value));

        public StringBuilder Insert(int index, object value) => Insert(index, value?.ToString());

        public StringBuilder Insert(int index, bool value) => Insert(index, value ? "True" : "False");

        public StringBuilder Insert(int index, int value) => InsertFormatted(index, value);

        public StringBuilder Insert(int index, long value) => InsertFormatted(index, value);

        public StringBuilder Insert(int index, uint value) => InsertFormatted(index, value);

        public StringBuilder Insert(int index, ulong value) => InsertFormatted(index, value);

        public StringBuilder Insert(int index, double value) => InsertFormatted(index, value);

        public StringBuilder Remove(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _length - length)
            {
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "startIndex");
            }
            _chars.AsSpan(startIndex + length, _length - startIndex - length).CopyTo(_chars.AsSpan(startIndex));
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++)
            {
                if (_chars[i] == oldChar)
                {
                    _chars[i] = newChar;
                }
            }
            return this;
        }

        /// <summary>Replaces every occurrence (ordinal, left to right); a null newValue removes them.</summary>
        public StringBuilder Replace(string oldValue, string newValue)
        {
            if (oldValue == null)
            {
                throw new ArgumentNullException("oldValue");
            }
            if (oldValue.Length == 0)
            {
                throw new ArgumentException("String cannot be of zero length.");
            }
            newValue ??= "";
            int index = 0;
            while (index <= _length - oldValue.Length)
            {
                if (_chars.AsSpan(index, oldValue.Length).SequenceEqual(oldValue.AsSpan()))
                {
                    Remove(index, oldValue.Length);
                    Insert(index, newValue);
                    index += newValue.Length;
                }
                else
                {
                    index++;
                }
            }
            return this;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public void CopyTo(int sourceIndex, Span<char> destination, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
            {
                throw new ArgumentOutOfRangeException("sourceIndex");
            }
            _chars.AsSpan(sourceIndex, count).CopyTo(destination);
        }

        public bool Equals(StringBuilder other) => other != null && other._length == _length && _chars.AsSpan(0, _length).SequenceEqual(other._chars.AsSpan(0, other._length));

        public override string ToString() => new string(_chars, 0, _length);

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _length - length)
            {
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "startIndex");
            }
            return new string(_chars, startIndex, length);
        }

        /// <summary>ToString for a builder that is done: its buffer goes back to the heap at once (no GC in the kernel).</summary>
        internal string ToStringAndRelease()
        {
            string result = ToString();
            ReleaseBuffer();
            return result;
        }

        /// <summary>Frees the buffer and leaves the builder empty and usable.</summary>
        internal void ReleaseBuffer()
        {
            char[] old = _chars;
            _chars = Array.Empty<char>();
            _length = 0;
            if (old.Length != 0)
            {
                StorageRelease.Release(old);
            }
        }

        public StringBuilder AppendFormat(string format, object argument0) => AppendFormatReleasing(format, new object[] { argument0 });

        public StringBuilder AppendFormat(string format, object argument0, object argument1) => AppendFormatReleasing(format, new object[] { argument0, argument1 });

        public StringBuilder AppendFormat(string format, object argument0, object argument1, object argument2)
            => AppendFormatReleasing(format, new object[] { argument0, argument1, argument2 });

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args) => AppendFormat(format, args);

        /// <summary>AppendFormat over an argument array this class allocated itself, which it then frees.</summary>
        private StringBuilder AppendFormatReleasing(string format, object[] arguments)
        {
            AppendFormat(format, arguments);
            StorageRelease.Release(arguments);
            return this;
        }

        /// <summary>
        /// Composite formatting: text with items "{index[,alignment][:format]}". A positive alignment pads on the
        /// left (right-aligns), a negative one on the right. "{{" and "}}" stand for braces. FormatException for a
        /// malformed item or an index beyond the arguments. (The arguments are an array, not a span: a span of a
        /// reference type is a shared generic struct, which the runtime cannot yet build; see Object.m_pEEType.)
        /// </summary>
        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (format == null)
            {
                throw new ArgumentNullException("format");
            }
            if (args == null)
            {
                throw new ArgumentNullException("args");
            }
            int position = 0;
            int runStart = 0;
            while (position < format.Length)
            {
                char character = format[position];
                if (character != '{' && character != '}')
                {
                    position++;
                    continue;
                }
                Append(format.AsSpan(runStart, position - runStart));
                if (position + 1 < format.Length && format[position + 1] == character)
                {
                    // An escaped brace.
                    Append(character);
                    position += 2;
                    runStart = position;
                    continue;
                }
                if (character == '}')
                {
                    throw new FormatException("Input string was not in a correct format: unexpected '}'.");
                }
                position = AppendFormatItem(format, position + 1, args);
                runStart = position;
            }
            Append(format.AsSpan(runStart, position - runStart));
            return this;
        }

        /// <summary>Parses and appends one "{...}" item whose index starts at <paramref name="position"/>; returns the position after '}'.</summary>
        private int AppendFormatItem(string format, int position, object[] args)
        {
            int index = 0;
            int digits = 0;
            while (position < format.Length && format[position] >= '0' && format[position] <= '9')
            {
                index = Math.Min(index * 10 + (format[position] - '0'), 1000000);
                position++;
                digits++;
            }
            if (digits == 0)
            {
                throw new FormatException("Input string was not in a correct format: expected an argument index.");
            }
            position = SkipSpaces(format, position);
            int alignment = 0;
            if (position < format.Length && format[position] == ',')
            {
                position = SkipSpaces(format, position + 1);
                bool leftAlign = position < format.Length && format[position] == '-';
                if (leftAlign)
                {
                    position++;
                }
                int alignmentDigits = 0;
                while (position < format.Length && format[position] >= '0' && format[position] <= '9')
                {
                    alignment = Math.Min(alignment * 10 + (format[position] - '0'), 1000000);
                    position++;
                    alignmentDigits++;
                }
                if (alignmentDigits == 0)
                {
                    throw new FormatException("Input string was not in a correct format: expected an alignment.");
                }
                alignment = leftAlign ? -alignment : alignment;
                position = SkipSpaces(format, position);
            }
            ReadOnlySpan<char> itemFormat = default;
            if (position < format.Length && format[position] == ':')
            {
                int formatStart = position + 1;
                while (position < format.Length && format[position] != '}')
                {
                    if (format[position] == '{')
                    {
                        throw new FormatException("Input string was not in a correct format: '{' inside a format item.");
                    }
                    position++;
                }
                itemFormat = format.AsSpan(formatStart, position - formatStart);
            }
            if (position >= format.Length || format[position] != '}')
            {
                throw new FormatException("Input string was not in a correct format: expected '}'.");
            }
            if (index >= args.Length)
            {
                throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
            }
            AppendFormatted(args[index], alignment, itemFormat);
            return position + 1;
        }

        private static int SkipSpaces(string format, int position)
        {
            while (position < format.Length && format[position] == ' ')
            {
                position++;
            }
            return position;
        }

        /// <summary>
        /// Appends a value with an optional format and alignment (the work of string interpolation holes and
        /// format items). ISpanFormattable values write straight into the buffer; IFormattable ones get the format;
        /// anything else uses ToString(); null appends nothing (but is still padded).
        /// </summary>
        internal void AppendFormatted<T>(T value, int alignment, ReadOnlySpan<char> format)
        {
            int start = _length;
            // For a boxed primitive (T is object: string.Format's arguments), format the unboxed value directly.
            // `default(T) == null` is a constant, so value-type instantiations keep only the paths below.
            if (default(T) == null && value is ValueType && AppendBoxedPrimitive(value, format))
            {
                Align(start, alignment);
                return;
            }
            if (value is ISpanFormattable)
            {
                while (true)
                {
                    if (((ISpanFormattable)value).TryFormat(_chars.AsSpan(_length), out int written, format, null))
                    {
                        _length += written;
                        break;
                    }
                    if (_chars.Length - _length > MaximumFormatGrowth)
                    {
                        throw new FormatException("TryFormat failed even with a very large buffer.");
                    }
                    EnsureCapacity(_chars.Length * 2);
                }
            }
            else if (value is IFormattable)
            {
                Append(((IFormattable)value).ToString(format.Length == 0 ? null : format.ToString(), null));
            }
            else if (value != null)
            {
                Append(value.ToString());
            }
            Align(start, alignment);
        }

        /// <summary>
        /// Formats a boxed primitive by unboxing it: a type test and a direct call instead of an interface call
        /// through the box (no dispatch, and no unboxing stub). False for anything else.
        /// </summary>
        private bool AppendBoxedPrimitive(object value, ReadOnlySpan<char> format)
        {
            switch (value)
            {
                case int number:
                    AppendFormatted(number, 0, format);
                    return true;
                case long number:
                    AppendFormatted(number, 0, format);
                    return true;
                case uint number:
                    AppendFormatted(number, 0, format);
                    return true;
                case ulong number:
                    AppendFormatted(number, 0, format);
                    return true;
                case short number:
                    AppendFormatted(number, 0, format);
                    return true;
                case ushort number:
                    AppendFormatted(number, 0, format);
                    return true;
                case byte number:
                    AppendFormatted(number, 0, format);
                    return true;
                case sbyte number:
                    AppendFormatted(number, 0, format);
                    return true;
                case nint number:
                    AppendFormatted(number, 0, format);
                    return true;
                case nuint number:
                    AppendFormatted(number, 0, format);
                    return true;
                case double number:
                    AppendFormatted(number, 0, format);
                    return true;
                case float number:
                    AppendFormatted(number, 0, format);
                    return true;
                case char character:
                    Append(character);
                    return true;
                case bool flag:
                    Append(flag);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Pads the text appended since <paramref name="start"/> to |alignment| characters (left if positive, right if negative).</summary>
        internal void Align(int start, int alignment)
        {
            int width = _length - start;
            int target = alignment < 0 ? -alignment : alignment;
            if (width >= target)
            {
                return;
            }
            int padding = target - width;
            if (alignment < 0)
            {
                Append(' ', padding);
                return;
            }
            MakeGap(start, padding);
            _chars.AsSpan(start, padding).Fill(' ');
        }

        private StringBuilder AppendSpanFormattable<T>(T value) where T : ISpanFormattable
        {
            AppendFormatted(value, 0, default);
            return this;
        }

        private StringBuilder InsertFormatted<T>(int index, T value) where T : ISpanFormattable
        {
            if ((uint)index > (uint)_length)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            // Format at the end, then rotate the new text into place.
            int start = _length;
            AppendFormatted(value, 0, default);
            int added = _length - start;
            Span<char> scratch = added <= 64 ? stackalloc char[64] : new char[added];
            _chars.AsSpan(start, added).CopyTo(scratch);
            _length = start;
            MakeGap(index, added);
            scratch.Slice(0, added).CopyTo(_chars.AsSpan(index));
            return this;
        }

        /// <summary>Opens <paramref name="count"/> characters at <paramref name="index"/> by moving the tail right.</summary>
        private void MakeGap(int index, int count)
        {
            EnsureCapacity(_length + count);
            _chars.AsSpan(index, _length - index).CopyTo(_chars.AsSpan(index + count));
            _length += count;
        }

        private void Reallocate(int capacity)
        {
            char[] old = _chars;
            char[] chars = new char[capacity];
            old.AsSpan(0, _length).CopyTo(chars);
            _chars = chars;
            if (old.Length != 0)
            {
                StorageRelease.Release(old);
            }
        }
    }
}
