using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    /// <summary>A read-only view of contiguous memory (see Span&lt;T&gt;). Strings convert to ReadOnlySpan&lt;char&gt;.</summary>
    public readonly ref struct ReadOnlySpan<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public ReadOnlySpan(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref MemoryMarshal.GetArrayDataReference(array);
            _length = array.Length;
        }

        public ReadOnlySpan(T[] array, int start, int length)
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
            _reference = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)start);
            _length = length;
        }

        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            }
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public ReadOnlySpan(ref readonly T reference)
        {
            _reference = ref Unsafe.AsRef(in reference);
            _length = 1;
        }

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ref readonly T this[int index]
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

        public static ReadOnlySpan<T> Empty => default;

        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

        public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

        public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("start");
            }
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

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

        public T[] ToArray()
        {
            if (_length == 0)
            {
                return Array.Empty<T>();
            }
            T[] array = new T[_length];
            SpanHelpers.Copy(ref MemoryMarshal.GetArrayDataReference(array), ref _reference, _length);
            return array;
        }

        /// <summary>Spans cannot be boxed, so Equals(object) is meaningless: compare with == (same memory) or SequenceEqual.</summary>
        public override bool Equals(object obj) => throw new NotSupportedException("Equals() on ReadOnlySpan will always throw an exception. Use the equality operator instead.");

        public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on ReadOnlySpan will always throw an exception.");

        public ref readonly T GetPinnableReference() => ref _length != 0 ? ref _reference : ref Unsafe.NullRef<T>();

        /// <summary>The characters as a string for ReadOnlySpan&lt;char&gt;; otherwise the type and length.</summary>
        public override string ToString()
        {
            // `default(T) is char` folds to a constant per instantiation (typeof would need ilc's LdTokenHelpers).
            if (default(T) is char)
            {
                return string.CreateFromChars(ref Unsafe.As<T, char>(ref _reference), _length);
            }
            return "System.ReadOnlySpan[" + _length.ToString() + "]";
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>foreach over a read-only span: each element by readonly reference.</summary>
        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;

            internal Enumerator(ReadOnlySpan<T> span)
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

            public ref readonly T Current => ref _span[_index];
        }
    }
}
