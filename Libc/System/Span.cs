using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    /// <summary>
    /// A writable view of contiguous memory: an array, a stackalloc buffer or native memory. A ref struct
    /// holding a reference to the first element and a length (a C# 11 ref field), so it can never outlive
    /// the stack frame that made it. Indexing is bounds-checked.
    /// </summary>
    public readonly ref struct Span<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public Span(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref ArrayStart(array);
            _length = array.Length;
        }

        public Span(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0)
                {
                    ThrowHelpers.ThrowArgumentOutOfRangeException("start");
                }
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            _reference = ref Unsafe.Add(ref ArrayStart(array), (nint)(uint)start);
            _length = length;
        }

        public unsafe Span(void* pointer, int length)
        {
            if (length < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            }
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        /// <summary>A span of one element.</summary>
        public Span(ref T reference)
        {
            _reference = ref reference;
            _length = 1;
        }

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                {
                    ThrowHelpers.ThrowIndexOutOfRangeException();
                }
                return ref Unsafe.Add(ref _reference, (nint)(uint)index);
            }
        }

        public int Length => _length;

        public bool IsEmpty => _length == 0;

        public static Span<T> Empty => default;

        public static implicit operator Span<T>(T[] array) => new Span<T>(array);

        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        /// <summary>True when both spans cover exactly the same memory.</summary>
        public static bool operator ==(Span<T> left, Span<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

        public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

        /// <summary>Copies every element into <paramref name="destination"/>, which must be at least as long.</summary>
        public void CopyTo(Span<T> destination)
        {
            if (!TryCopyTo(destination))
            {
                ThrowHelpers.ThrowArgumentException("Destination is too short.");
            }
        }

        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length)
            {
                return false;
            }
            SpanHelpers.Copy(ref destination._reference, ref _reference, _length);
            return true;
        }

        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++)
            {
                Unsafe.Add(ref _reference, i) = value;
            }
        }

        public void Clear() => SpanHelpers.ClearElements(ref _reference, _length);

        public T[] ToArray()
        {
            if (_length == 0)
            {
                return Array.Empty<T>();
            }
            T[] array = new T[_length];
            SpanHelpers.Copy(ref ArrayStart(array), ref _reference, _length);
            return array;
        }

        /// <summary>Lets `fixed (T* pointer = span)` pin the first element (null for an empty span).</summary>
        /// <summary>Spans cannot be boxed, so Equals(object) is meaningless: compare with == (same memory) or SequenceEqual.</summary>
        public override bool Equals(object obj) => throw new NotSupportedException("Equals() on Span will always throw an exception. Use the equality operator instead.");

        public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span will always throw an exception.");

        public ref T GetPinnableReference() => ref _length != 0 ? ref _reference : ref Unsafe.NullRef<T>();

        /// <summary>The characters as a string for Span&lt;char&gt;; otherwise the type and length.</summary>
        public override string ToString() => ((ReadOnlySpan<T>)this).ToString();

        public Enumerator GetEnumerator() => new Enumerator(this);

        // Writable spans of reference types check the array's exact element type (array covariance would
        // otherwise let a string[] seen as object[] receive any object): ldelema does that check.
        private static ref T ArrayStart(T[] array)
        {
            if (array.Length == 0 || default(T) != null)
            {
                return ref MemoryMarshal.GetArrayDataReference(array);
            }
            return ref array[0];
        }

        /// <summary>foreach over a span: each element by reference.</summary>
        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;

            internal Enumerator(Span<T> span)
            {
                _span = span;
                _index = -1;
            }

            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span.Length)
                {
                    _index = index;
                    return true;
                }
                return false;
            }

            public ref T Current => ref _span[_index];
        }
    }
}
