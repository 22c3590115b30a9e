using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// First-in first-out, in a circular buffer: the items occupy _size slots starting at _head, wrapping
    /// around the end of the array, so Enqueue and Dequeue are O(1) and never move other items.
    /// </summary>
    public class Queue<T> : IReadOnlyCollection<T>
    {
        private const int DefaultCapacity = 4;

        private T[] _array;
        private int _head; // index of the oldest item
        private int _tail; // index where the next item goes
        private int _size;
        private int _version;

        public Queue()
        {
            _array = Array.Empty<T>();
        }

        public Queue(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            _array = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public Queue(IEnumerable<T> collection) : this()
        {
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            foreach (T item in collection)
            {
                Enqueue(item);
            }
        }

        public int Count => _size;

        public void Enqueue(T item)
        {
            if (_size == _array.Length)
            {
                Reallocate(Math.Max(_array.Length * 2, DefaultCapacity));
            }
            _array[_tail] = item;
            _tail = Next(_tail);
            _size++;
            _version++;
        }

        /// <summary>Removes and returns the oldest item; InvalidOperationException when empty.</summary>
        public T Dequeue()
        {
            if (!TryDequeue(out T item))
            {
                throw new InvalidOperationException("Queue empty.");
            }
            return item;
        }

        public bool TryDequeue(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_head];
            _array[_head] = default;
            _head = Next(_head);
            _size--;
            _version++;
            return true;
        }

        public T Peek()
        {
            if (_size == 0)
            {
                throw new InvalidOperationException("Queue empty.");
            }
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_head];
            return true;
        }

        public void Clear()
        {
            if (_size != 0)
            {
                if (_head < _tail)
                {
                    Array.Clear(_array, _head, _size);
                }
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
            }
            _head = 0;
            _tail = 0;
            _size = 0;
            _version++;
        }

        public bool Contains(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = 0, index = _head; i < _size; i++, index = Next(index))
            {
                if (comparer.Equals(_array[index], item))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The items oldest first.</summary>
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
            int firstPart = Math.Min(_size, _array.Length - _head);
            Array.Copy(_array, _head, array, arrayIndex, firstPart);
            Array.Copy(_array, 0, array, arrayIndex + firstPart, _size - firstPart);
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

        private int Next(int index)
        {
            index++;
            return index == _array.Length ? 0 : index;
        }

        /// <summary>Moves the items, oldest first, to the start of a new array.</summary>
        private void Reallocate(int capacity)
        {
            T[] old = _array;
            T[] array = capacity == 0 ? Array.Empty<T>() : new T[capacity];
            if (_size > 0)
            {
                CopyTo(array, 0);
            }
            _array = array;
            _head = 0;
            _tail = capacity == 0 || _size == capacity ? 0 : _size;
            _version++;
            if (old.Length != 0)
            {
                StorageRelease.Release(old);
            }
        }

        /// <summary>foreach over the queue, oldest first, without allocating.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _queue;
            private readonly int _version;
            private int _index; // -1 before the start, -2 after the end
            private T _current;

            internal Enumerator(Queue<T> queue)
            {
                _queue = queue;
                _version = queue._version;
                _index = -1;
                _current = default;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_version != _queue._version)
                {
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                }
                if (_index == -2)
                {
                    return false;
                }
                _index++;
                if (_index == _queue._size)
                {
                    _index = -2;
                    _current = default;
                    return false;
                }
                int position = _queue._head + _index;
                if (position >= _queue._array.Length)
                {
                    position -= _queue._array.Length;
                }
                _current = _queue._array[position];
                return true;
            }

            public void Reset()
            {
                _index = -1;
                _current = default;
            }

            public void Dispose()
            {
            }
        }
    }
}
