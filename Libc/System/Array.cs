using System.Collections;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Base of all arrays. The length follows the MethodTable pointer; elements follow the length.
    /// Only single-dimension, zero-based arrays (T[]) are supported by the methods here.
    /// </summary>
    public abstract unsafe partial class Array
    {
        private readonly int _length;
        private readonly int _padding;

        public int Length => _length;

        public long LongLength => _length;

        public int Rank => 1;

        /// <summary>Reference to the first element's first byte (the element data follows the length and padding).</summary>
        internal ref byte GetRawArrayData() => ref Unsafe.As<int, byte>(ref Unsafe.Add(ref Unsafe.AsRef(in _padding), 1));

        private int ElementSize => ((object)this)._methodTable->ComponentSize;

        /// <summary>A shared empty array of T (no allocation per call).</summary>
        public static T[] Empty<T>() => EmptyArray<T>.Value;

        /// <summary>A shallow copy: same type and length, elements copied (references, not the objects they point to).</summary>
        public object Clone()
        {
            Array copy = Unsafe.As<Array>(ManagedHeap.NewArray(((object)this)._methodTable, _length));
            SpanHelpers.Memmove(ref copy.GetRawArrayData(), ref GetRawArrayData(), (nuint)_length * (nuint)ElementSize);
            return copy;
        }

        public void CopyTo(Array destination, int index) => Copy(this, 0, destination, index, _length);

        public static void Copy(Array sourceArray, Array destinationArray, int length) => Copy(sourceArray, 0, destinationArray, 0, length);

        /// <summary>
        /// Copies a range between arrays of the same element type, or from an array of references to an array whose
        /// element type accepts them (checked per element when not statically known). Overlapping ranges of one
        /// array are copied as if through a temporary. Value-type conversions (int[] to long[]) are not supported.
        /// </summary>
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null)
            {
                ThrowHelpers.ThrowArgumentNullException("sourceArray");
            }
            if (destinationArray == null)
            {
                ThrowHelpers.ThrowArgumentNullException("destinationArray");
            }
            if (length < 0 || sourceIndex < 0 || destinationIndex < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(length < 0 ? "length" : sourceIndex < 0 ? "sourceIndex" : "destinationIndex");
            }
            if ((ulong)(uint)sourceIndex + (uint)length > (uint)sourceArray._length || (ulong)(uint)destinationIndex + (uint)length > (uint)destinationArray._length)
            {
                ThrowHelpers.ThrowArgumentException("Source or destination array is not long enough for the requested range.");
            }
            MethodTable* sourceType = ((object)sourceArray)._methodTable;
            MethodTable* destinationType = ((object)destinationArray)._methodTable;
            nuint elementSize = sourceType->ComponentSize;
            if (sourceType != destinationType)
            {
                MethodTable* sourceElement = sourceType->ParameterType;
                MethodTable* destinationElement = destinationType->ParameterType;
                if (sourceElement->IsValueType || destinationElement->IsValueType)
                {
                    throw new ArrayTypeMismatchException();
                }
                if (!TypeCast.IsAssignable(sourceElement, destinationElement))
                {
                    // object[] to string[]: every element must be acceptable, checked before anything is written.
                    object[] sourceObjects = Unsafe.As<object[]>(sourceArray);
                    for (int i = 0; i < length; i++)
                    {
                        object element = sourceObjects[sourceIndex + i];
                        if (element != null && !TypeCast.IsAssignable(element._methodTable, destinationElement))
                        {
                            throw new InvalidCastException();
                        }
                    }
                }
            }
            SpanHelpers.Memmove(
                ref Unsafe.Add(ref destinationArray.GetRawArrayData(), (nint)((nuint)(uint)destinationIndex * elementSize)),
                ref Unsafe.Add(ref sourceArray.GetRawArrayData(), (nint)((nuint)(uint)sourceIndex * elementSize)),
                (nuint)(uint)length * elementSize);
        }

        /// <summary>Sets every element to its default value.</summary>
        public static void Clear(Array array)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            SpanHelpers.ClearWithoutReferences(ref array.GetRawArrayData(), (nuint)(uint)array._length * (nuint)array.ElementSize);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (index < 0 || length < 0 || (ulong)(uint)index + (uint)length > (uint)array._length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            }
            nuint elementSize = (nuint)array.ElementSize;
            SpanHelpers.ClearWithoutReferences(ref Unsafe.Add(ref array.GetRawArrayData(), (nint)((nuint)(uint)index * elementSize)), (nuint)(uint)length * elementSize);
        }

        /// <summary>Replaces <paramref name="array"/> with a copy of the new size (elements kept up to the shorter length).</summary>
        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("newSize");
            }
            T[] old = array;
            if (old == null)
            {
                array = new T[newSize];
                return;
            }
            if (old.Length == newSize)
            {
                return;
            }
            T[] resized = new T[newSize];
            SpanHelpers.Copy(ref MemoryMarshal.GetArrayDataReference(resized), ref MemoryMarshal.GetArrayDataReference(old), Math.Min(old.Length, newSize));
            array = resized;
        }

        public static int IndexOf<T>(T[] array, T value) => IndexOf(array, value, 0, array == null ? 0 : array.Length);

        public static int IndexOf<T>(T[] array, T value, int startIndex) => IndexOf(array, value, startIndex, array == null ? 0 : array.Length - startIndex);

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            CheckRange(array, startIndex, count);
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (comparer.Equals(array[i], value))
                {
                    return i;
                }
            }
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = array.Length - 1; i >= 0; i--)
            {
                if (comparer.Equals(array[i], value))
                {
                    return i;
                }
            }
            return -1;
        }

        public static void Reverse<T>(T[] array)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            new Span<T>(array).Reverse();
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            CheckRange(array, index, length);
            new Span<T>(array, index, length).Reverse();
        }

        public static void Sort<T>(T[] array) => Sort(array, 0, array == null ? 0 : array.Length, (IComparer<T>)null);

        public static void Sort<T>(T[] array, IComparer<T> comparer) => Sort(array, 0, array == null ? 0 : array.Length, comparer);

        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, (IComparer<T>)null);

        /// <summary>Introspective sort (not stable). A null comparer means Comparer&lt;T&gt;.Default.</summary>
        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            CheckRange(array, index, length);
            ArraySortHelper<T>.Sort(new Span<T>(array, index, length), comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (comparison == null)
            {
                ThrowHelpers.ThrowArgumentNullException("comparison");
            }
            ArraySortHelper<T>.Sort(new Span<T>(array), comparison);
        }

        /// <summary>Index of <paramref name="value"/> in a sorted array, or the bitwise complement of where it would go.</summary>
        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, value, null);

        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            return ArraySortHelper<T>.BinarySearch(array, 0, array.Length, value, comparer);
        }

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            new Span<T>(array).Fill(value);
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            CheckRange(array, startIndex, count);
            new Span<T>(array, startIndex, count).Fill(value);
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int index = FindIndex(array, match);
            return index >= 0 ? array[index] : default;
        }

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (match == null)
            {
                ThrowHelpers.ThrowArgumentNullException("match");
            }
            for (int i = 0; i < array.Length; i++)
            {
                if (match(array[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (match == null)
            {
                ThrowHelpers.ThrowArgumentNullException("match");
            }
            for (int i = 0; i < array.Length; i++)
            {
                if (!match(array[i]))
                {
                    return false;
                }
            }
            return true;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (action == null)
            {
                ThrowHelpers.ThrowArgumentNullException("action");
            }
            for (int i = 0; i < array.Length; i++)
            {
                action(array[i]);
            }
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (converter == null)
            {
                ThrowHelpers.ThrowArgumentNullException("converter");
            }
            TOutput[] result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++)
            {
                result[i] = converter(array[i]);
            }
            return result;
        }

        private static void CheckRange<T>(T[] array, int index, int count)
        {
            if (array == null)
            {
                ThrowHelpers.ThrowArgumentNullException("array");
            }
            if (index < 0 || count < 0 || (ulong)(uint)index + (uint)count > (uint)array.Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(index < 0 ? "index" : "count");
            }
        }

        private static class EmptyArray<T>
        {
            internal static readonly T[] Value = new T[0];
        }
    }

    /// <summary>
    /// The generic interfaces of T[]: ilc gives every T[] the interfaces of Array&lt;T&gt;, and calls through
    /// them land here with `this` being the T[]. Arrays are fixed-size: Add, Insert and Remove throw.
    /// </summary>
    internal class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        private T[] Self => Unsafe.As<T[]>(this);

        public T this[int index]
        {
            get => Self[index];
            set => Self[index] = value;
        }

        public int Count => Self.Length;

        public bool IsReadOnly => true;

        public IEnumerator<T> GetEnumerator() => new ArrayEnumerator<T>(Self);

        IEnumerator IEnumerable.GetEnumerator() => new ArrayEnumerator<T>(Self);

        public int IndexOf(T item) => Array.IndexOf(Self, item);

        public bool Contains(T item) => Array.IndexOf(Self, item) >= 0;

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(this, 0, array, arrayIndex, Self.Length);

        public void Add(T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public void Clear() => throw new NotSupportedException("Collection was of a fixed size.");

        public void Insert(int index, T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public bool Remove(T item) => throw new NotSupportedException("Collection was of a fixed size.");

        public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");
    }

    /// <summary>Walks an array seen through IEnumerable&lt;T&gt;.</summary>
    internal sealed class ArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] _array;
        private int _index;

        internal ArrayEnumerator(T[] array)
        {
            _array = array;
            _index = -1;
        }

        public T Current => _array[_index];

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_index + 1 < _array.Length)
            {
                _index++;
                return true;
            }
            _index = _array.Length;
            return false;
        }

        public void Reset() => _index = -1;

        public void Dispose()
        {
        }
    }
}
