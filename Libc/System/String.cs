using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// An immutable UTF-16 string. ilc lays out string literals with these two fields. The members are split
    /// by concern: String.Comparison.cs, String.Searching.cs, String.Manipulation.cs, String.Concat.cs and
    /// String.Format.cs. Comparisons are ordinal and case mapping covers Latin-1 (there are no cultures).
    /// </summary>
    public sealed unsafe partial class String : IComparable, IComparable<string>, IEquatable<string>
    {
        // ilc finds these fields by name: the length, then the first character of the inline buffer.
        private readonly int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength)
                {
                    ThrowHelpers.ThrowIndexOutOfRangeException();
                }
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        internal ref char GetRawFirstChar() => ref _firstChar;

        // ilc compiles `new string(...)` into a call to the matching static Ctor method below.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public extern String(char* value, int startIndex, int length);

        private static string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0 || startIndex < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            }
            if (length == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(length);
            fixed (char* destination = &result._firstChar)
            {
                CopyCharacters(destination, value + startIndex, length);
            }
            return result;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        /// <summary>A NUL-terminated string of UTF-16 characters.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char* value);

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0)
            {
                return Empty;
            }
            return CreateFromChars(ref value[0], value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            if (startIndex < 0 || length < 0 || startIndex > value.Length - length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(startIndex < 0 ? "startIndex" : "length");
            }
            return length == 0 ? Empty : CreateFromChars(ref value[startIndex], length);
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            }
            if (count == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(count);
            fixed (char* destination = &result._firstChar)
            {
                for (int i = 0; i < count; i++)
                {
                    destination[i] = c;
                }
            }
            return result;
        }

        private static string Ctor(ReadOnlySpan<char> value) => value.Length == 0 ? Empty : CreateFromChars(ref value._reference, value.Length);

        private static string Ctor(char* value)
        {
            if (value == null)
            {
                return Empty;
            }
            int length = 0;
            while (value[length] != '\0')
            {
                length++;
            }
            return Ctor(value, 0, length);
        }

        /// <summary>A new string holding a copy of <paramref name="length"/> characters starting at <paramref name="first"/>.</summary>
        internal static string CreateFromChars(ref char first, int length)
        {
            if (length == 0)
            {
                return Empty;
            }
            string result = FastAllocateString(length);
            SpanHelpers.Copy(ref result._firstChar, ref first, length);
            return result;
        }

        /// <summary>Fills a new string of <paramref name="length"/> characters through <paramref name="action"/>, with no intermediate copy.</summary>
        public static string Create<TState>(int length, TState state, System.Buffers.SpanAction<char, TState> action)
        {
            if (action == null)
            {
                ThrowHelpers.ThrowArgumentNullException("action");
            }
            if (length <= 0)
            {
                if (length < 0)
                {
                    ThrowHelpers.ThrowArgumentOutOfRangeException("length");
                }
                return Empty;
            }
            string result = FastAllocateString(length);
            action(new Span<char>(ref result._firstChar, length), state);
            return result;
        }

        public static implicit operator ReadOnlySpan<char>(string value) => value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        /// <summary>Lets `fixed (char* pointer = text)` find the characters (a NUL follows the last one).</summary>
        public ref readonly char GetPinnableReference() => ref _firstChar;

        /// <summary>Allocates a string of the given length filled with NUL characters, to be written once.</summary>
        internal static string FastAllocateString(int length)
        {
            if (length == 0)
            {
                return Empty;
            }
            MethodTable* stringType = ((object)"")._methodTable;
            return Unsafe.As<string>(ManagedHeap.NewString(stringType, length));
        }

        internal static void CopyCharacters(char* destination, char* source, int count)
        {
            SpanHelpers.MemoryMove((byte*)destination, (byte*)source, (nuint)count * sizeof(char));
        }

        public static string Concat(string first, string second)
        {
            if (IsNullOrEmpty(first))
            {
                return second ?? Empty;
            }
            if (IsNullOrEmpty(second))
            {
                return first;
            }
            return ConcatParts(first, second, null, null);
        }

        public static string Concat(string first, string second, string third) => ConcatParts(first, second, third, null);

        public static string Concat(string first, string second, string third, string fourth) => ConcatParts(first, second, third, fourth);

        // One allocation and one copy per part: no intermediate strings (the kernel has no collector to reclaim them).
        private static string ConcatParts(string first, string second, string third, string fourth)
        {
            int length = (first?.Length ?? 0) + (second?.Length ?? 0) + (third?.Length ?? 0) + (fourth?.Length ?? 0);
            string result = FastAllocateString(length);
            if (length == 0)
            {
                return result;
            }
            fixed (char* destination = &result._firstChar)
            {
                int offset = AppendPart(destination, 0, first);
                offset = AppendPart(destination, offset, second);
                offset = AppendPart(destination, offset, third);
                AppendPart(destination, offset, fourth);
            }
            return result;
        }

        private static int AppendPart(char* destination, int offset, string part)
        {
            if (part == null || part.Length == 0)
            {
                return offset;
            }
            fixed (char* source = &part._firstChar)
            {
                CopyCharacters(destination + offset, source, part.Length);
            }
            return offset + part.Length;
        }

        public static string Concat(params string[] values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != null)
                {
                    length += values[i].Length;
                }
            }
            string result = FastAllocateString(length);
            fixed (char* destination = &result._firstChar)
            {
                int offset = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    offset = AppendPart(destination, offset, values[i]);
                }
            }
            return result;
        }

        public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

        public static bool Equals(string left, string right)
        {
            if ((object)left == (object)right)
            {
                return true;
            }
            if ((object)left == null || (object)right == null || left.Length != right.Length)
            {
                return false;
            }
            fixed (char* a = &left._firstChar, b = &right._firstChar)
            {
                for (int i = 0; i < left.Length; i++)
                {
                    if (a[i] != b[i])
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        public static bool operator ==(string left, string right) => Equals(left, right);

        public static bool operator !=(string left, string right) => !Equals(left, right);

        public override bool Equals(object obj) => obj is string other && Equals(this, other);

        public bool Equals(string other) => Equals(this, other);

        // FNV-1a over the UTF-16 code units: stable across runs, good enough for hash tables.
        public override int GetHashCode()
        {
            uint hash = 2166136261;
            fixed (char* characters = &_firstChar)
            {
                for (int i = 0; i < _stringLength; i++)
                {
                    hash = (hash ^ characters[i]) * 16777619;
                }
            }
            return (int)hash;
        }

        public override string ToString() => this;
    }
}
