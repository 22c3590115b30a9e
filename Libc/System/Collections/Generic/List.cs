using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// A growable array. Capacity doubles when full (starting at 4), so Add is amortised O(1); the outgrown
    /// array goes straight back to the heap (there is no GC in the kernel). Enumeration uses a struct
    /// enumerator and fails with InvalidOperationException if the list changes meanwhile.
    /// </summary>
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private const int DefaultCapacity = 4;

        private T[] _items;
        private int _size;
        private int _version;

        public List()
        {
            _items = Array.Empty<T>();
        }

        public List(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            _items = Array.Empty<T>();
            AddRange(collection);
        }

        public int Count => _size;

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size)
                {
                    throw new ArgumentOutOfRangeException("value");
                }
                if (value != _items.Length)
                {
                    Reallocate(value);
                }
            }
        }

        bool ICollection<T>.IsReadOnly => false;

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size)
                {
                    ThrowIndexOutOfRange();
                }
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size)
                {
                    ThrowIndexOutOfRange();
                }
                _items[index] = value;
                _version++;
            }
        }

        public void Add(T item)
        {
            _version++;
            if (_size == _items.Length)
            {
                Grow(_size + 1);
            }
            _items[_size++] = item;
        }

        public void AddRange(IEnumerable<T> collection)
        {
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            if (collection is ICollection<T> sized)
            {
                int count = sized.Count;
                if (count == 0)
                {
                    return;
                }
                EnsureCapacity(_size + count);
                // Copying straight into the free tail also handles list.AddRange(list).
                sized.CopyTo(_items, _size);
                _size += count;
                _version++;
                return;
            }
            foreach (T item in collection)
            {
                Add(item);
            }
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            if (_size == _items.Length)
            {
                Grow(_size + 1);
            }
            if (index < _size)
            {
                Array.Copy(_items, index, _items, index + 1, _size - index);
            }
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if ((uint)index > (uint)_size)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            // Append, then rotate the new items into place: works for any enumerable, including this list.
            int oldSize = _size;
            AddRange(collection);
            new Span<T>(_items, index, oldSize - index).Reverse();
            new Span<T>(_items, oldSize, _size - oldSize).Reverse();
            new Span<T>(_items, index, _size - index).Reverse();
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0)
            {
                return false;
            }
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            _size--;
            if (index < _size)
            {
                Array.Copy(_items, index + 1, _items, index, _size - index);
            }
            _items[_size] = default;
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count)
            {
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count");
            }
            if (count == 0)
            {
                return;
            }
            _size -= count;
            if (index < _size)
            {
                Array.Copy(_items, index + count, _items, index, _size - index);
            }
            new Span<T>(_items, _size, count).Clear();
            _version++;
        }

        /// <summary>Removes every item that matches; returns how many went.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            int kept = 0;
            for (int i = 0; i < _size; i++)
            {
                T item = _items[i];
                if (!match(item))
                {
                    _items[kept++] = item;
                }
            }
            int removed = _size - kept;
            if (removed != 0)
            {
                new Span<T>(_items, kept, removed).Clear();
                _size = kept;
                _version++;
            }
            return removed;
        }

        public void Clear()
        {
            new Span<T>(_items, 0, _size).Clear();
            _size = 0;
            _version++;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public int IndexOf(T item) => _size == 0 ? -1 : Array.IndexOf(_items, item, 0, _size);

        public int IndexOf(T item, int index)
        {
            if ((uint)index > (uint)_size)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            return Array.IndexOf(_items, item, index, _size - index);
        }

        public int LastIndexOf(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = _size - 1; i >= 0; i--)
            {
                if (comparer.Equals(_items[i], item))
                {
                    return i;
                }
            }
            return -1;
        }

        public T Find(Predicate<T> match)
        {
            int index = FindIndex(match);
            return index >= 0 ? _items[index] : default;
        }

        public T FindLast(Predicate<T> match)
        {
            int index = FindLastIndex(match);
            return index >= 0 ? _items[index] : default;
        }

        public int FindIndex(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        public int FindLastIndex(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            for (int i = _size - 1; i >= 0; i--)
            {
                if (match(_items[i]))
                {
                    return i;
                }
            }
            return -1;
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            List<T> result = new List<T>();
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i]))
                {
                    result.Add(_items[i]);
                }
            }
            return result;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            for (int i = 0; i < _size; i++)
            {
                if (!match(_items[i]))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Runs <paramref name="action"/> on each item; InvalidOperationException if it changes the list.</summary>
        public void ForEach(Action<T> action)
        {
            if (action == null)
            {
                throw new ArgumentNullException("action");
            }
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                action(_items[i]);
                if (version != _version)
                {
                    ThrowVersionChanged();
                }
            }
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null)
            {
                throw new ArgumentNullException("converter");
            }
            List<TOutput> result = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++)
            {
                result.Add(converter(_items[i]));
            }
            return result;
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count)
            {
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count");
            }
            List<T> result = new List<T>(count);
            Array.Copy(_items, index, result._items, 0, count);
            result._size = count;
            return result;
        }

        /// <summary>Sorts with Comparer&lt;T&gt;.Default (introsort: not stable).</summary>
        public void Sort() => Sort(0, _size, null);

        public void Sort(IComparer<T> comparer) => Sort(0, _size, comparer);

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0 || count < 0 || _size - index < count)
            {
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count");
            }
            ArraySortHelper<T>.Sort(new Span<T>(_items, index, count), comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null)
            {
                throw new ArgumentNullException("comparison");
            }
            ArraySortHelper<T>.Sort(new Span<T>(_items, 0, _size), comparison);
            _version++;
        }

        public int BinarySearch(T item) => BinarySearch(item, null);

        public int BinarySearch(T item, IComparer<T> comparer) => ArraySortHelper<T>.BinarySearch(_items, 0, _size, item, comparer);

        public void Reverse() => Reverse(0, _size);

        public void Reverse(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count)
            {
                throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count");
            }
            new Span<T>(_items, index, count).Reverse();
            _version++;
        }

        public T[] ToArray()
        {
            if (_size == 0)
            {
                return Array.Empty<T>();
            }
            T[] array = new T[_size];
            Array.Copy(_items, array, _size);
            return array;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
            {
                throw new ArgumentNullException("array");
            }
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        /// <summary>Makes room for at least <paramref name="capacity"/> items; returns the capacity.</summary>
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            if (_items.Length < capacity)
            {
                Grow(capacity);
            }
            return _items.Length;
        }

        /// <summary>Shrinks the storage to the item count when less than 90% of it is used.</summary>
        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9))
            {
                Capacity = _size;
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        private void Grow(int capacity)
        {
            int doubled = _items.Length == 0 ? DefaultCapacity : 2 * _items.Length;
            Reallocate(Math.Max(doubled, capacity));
        }

        private void Reallocate(int capacity)
        {
            T[] old = _items;
            T[] items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
            if (_size > 0)
            {
                Array.Copy(old, items, _size);
            }
            _items = items;
            if (old.Length != 0)
            {
                StorageRelease.Release(old);
            }
        }

        private static void ThrowIndexOutOfRange() => throw new ArgumentOutOfRangeException("index");

        private static void ThrowVersionChanged() => throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");

        /// <summary>foreach over a list without allocating.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _version = list._version;
                _index = 0;
                _current = default;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_version != _list._version)
                {
                    ThrowVersionChanged();
                }
                if ((uint)_index < (uint)_list._size)
                {
                    _current = _list._items[_index];
                    _index++;
                    return true;
                }
                _index = _list._size + 1;
                _current = default;
                return false;
            }

            public void Reset()
            {
                if (_version != _list._version)
                {
                    ThrowVersionChanged();
                }
                _index = 0;
                _current = default;
            }

            public void Dispose()
            {
            }
        }
    }
}
