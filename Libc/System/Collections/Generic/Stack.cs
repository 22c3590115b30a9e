using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>Last-in first-out over a growable array; enumeration and ToArray go from the top down.</summary>
    public class Stack<T> : IReadOnlyCollection<T>
    {
        private const int DefaultCapacity = 4;

        private T[] _array;
        private int _size;
        private int _version;

        public Stack()
        {
            _array = Array.Empty<T>();
        }

        public Stack(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            _array = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public Stack(IEnumerable<T> collection) : this()
        {
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            foreach (T item in collection)
            {
                Push(item);
            }
        }

        public int Count => _size;

        public void Push(T item)
        {
            if (_size == _array.Length)
            {
                Reallocate(Math.Max(_array.Length * 2, DefaultCapacity));
            }
            _array[_size++] = item;
            _version++;
        }

        /// <summary>Removes and returns the top item; InvalidOperationException when empty.</summary>
        public T Pop()
        {
            if (!TryPop(out T item))
            {
                throw new InvalidOperationException("Stack empty.");
            }
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            _size--;
            result = _array[_size];
            _array[_size] = default;
            _version++;
            return true;
        }

        public T Peek()
        {
            if (_size == 0)
            {
                throw new InvalidOperationException("Stack empty.");
            }
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_size - 1];
            return true;
        }

        public void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item) => _size != 0 && Array.IndexOf(_array, item, 0, _size) >= 0;

        /// <summary>The items from the top of the stack down.</summary>
        public T[] ToArray()
        {
            if (_size == 0)
            {
                return Array.Empty<T>();
            }
            T[] array = new T[_size];
            CopyTo(array, 0);
            return array;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
            {
                throw new ArgumentNullException("array");
            }
            if ((uint)arrayIndex > (uint)array.Length || array.Length - arrayIndex < _size)
            {
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection.");
            }
            for (int i = 0; i < _size; i++)
            {
                array[arrayIndex + i] = _array[_size - 1 - i];
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            if (_array.Length < capacity)
            {
                Reallocate(Math.Max(capacity, _array.Length * 2));
            }
            return _array.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_array.Length * 0.9))
            {
                Reallocate(_size);
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        private void Reallocate(int capacity)
        {
            T[] old = _array;
            T[] array = capacity == 0 ? Array.Empty<T>() : new T[capacity];
            Array.Copy(old, array, _size);
            _array = array;
            _version++;
            if (old.Length != 0)
            {
                StorageRelease.Release(old);
            }
        }

        /// <summary>foreach over the stack, top first, without allocating.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            private int _index; // next position to read, counting down; -1 when done
            private T _current;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = stack._size;
                _current = default;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_version != _stack._version)
                {
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                }
                if (_index <= 0)
                {
                    _index = -1;
                    _current = default;
                    return false;
                }
                _index--;
                _current = _stack._array[_index];
                return true;
            }

            public void Reset()
            {
                _index = _stack._size;
                _current = default;
            }

            public void Dispose()
            {
            }
        }
    }
}
