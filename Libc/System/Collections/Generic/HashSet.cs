namespace System.Collections.Generic
{
    /// <summary>
    /// A set of distinct items, kept in a Dictionary&lt;T, bool&gt; (one hash table implementation for both);
    /// null, which a dictionary key cannot be, is tracked on the side. Enumeration order is unspecified.
    /// </summary>
    public class HashSet<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        private readonly Dictionary<T, bool> _table;
        private bool _containsNull;
        private int _nullVersion;

        public HashSet() : this(0, null)
        {
        }

        public HashSet(int capacity) : this(capacity, null)
        {
        }

        public HashSet(IEqualityComparer<T> comparer) : this(0, comparer)
        {
        }

        public HashSet(int capacity, IEqualityComparer<T> comparer)
        {
            _table = new Dictionary<T, bool>(capacity, comparer);
        }

        public HashSet(IEnumerable<T> collection) : this(collection, null)
        {
        }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(0, comparer)
        {
            UnionWith(collection);
        }

        public int Count => _table.Count + (_containsNull ? 1 : 0);

        public IEqualityComparer<T> Comparer => _table.Comparer;

        bool ICollection<T>.IsReadOnly => false;

        /// <summary>Adds the item; false if it was already present.</summary>
        public bool Add(T item)
        {
            if (item == null)
            {
                if (_containsNull)
                {
                    return false;
                }
                _containsNull = true;
                _nullVersion++;
                return true;
            }
            return _table.TryAdd(item, true);
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Remove(T item)
        {
            if (item == null)
            {
                if (!_containsNull)
                {
                    return false;
                }
                _containsNull = false;
                _nullVersion++;
                return true;
            }
            return _table.Remove(item);
        }

        public bool Contains(T item) => item == null ? _containsNull : _table.ContainsKey(item);

        /// <summary>The stored item equal to <paramref name="equalValue"/> (useful with a custom comparer).</summary>
        public bool TryGetValue(T equalValue, out T actualValue)
        {
            if (equalValue == null)
            {
                actualValue = default;
                return _containsNull;
            }
            return _table.TryGetStoredKey(equalValue, out actualValue);
        }

        public void Clear()
        {
            _table.Clear();
            if (_containsNull)
            {
                _containsNull = false;
                _nullVersion++;
            }
        }

        public int EnsureCapacity(int capacity) => _table.EnsureCapacity(capacity);

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null)
            {
                throw new ArgumentNullException("match");
            }
            T[] items = ToArray();
            int removed = 0;
            foreach (T item in items)
            {
                if (match(item) && Remove(item))
                {
                    removed++;
                }
            }
            ReleaseSnapshot(items);
            return removed;
        }

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }
            foreach (T item in other)
            {
                Add(item);
            }
        }

        /// <summary>Keeps only the items also in <paramref name="other"/>.</summary>
        public void IntersectWith(IEnumerable<T> other)
        {
            HashSet<T> lookup = AsSetWithMyComparer(other, out bool temporary);
            T[] items = ToArray();
            foreach (T item in items)
            {
                if (!lookup.Contains(item))
                {
                    Remove(item);
                }
            }
            ReleaseSnapshot(items);
            ReleaseIfTemporary(lookup, temporary);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other)
            {
                Remove(item);
            }
        }

        /// <summary>Keeps the items in exactly one of the two collections.</summary>
        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == this)
            {
                Clear();
                return;
            }
            HashSet<T> lookup = AsSetWithMyComparer(other, out bool temporary);
            foreach (T item in lookup)
            {
                if (!Remove(item))
                {
                    Add(item);
                }
            }
            ReleaseIfTemporary(lookup, temporary);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            HashSet<T> lookup = AsSetWithMyComparer(other, out bool temporary);
            bool result = true;
            foreach (T item in this)
            {
                if (!lookup.Contains(item))
                {
                    result = false;
                    break;
                }
            }
            ReleaseIfTemporary(lookup, temporary);
            return result;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }
            foreach (T item in other)
            {
                if (!Contains(item))
                {
                    return false;
                }
            }
            return true;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }
            foreach (T item in other)
            {
                if (Contains(item))
                {
                    return true;
                }
            }
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            HashSet<T> lookup = AsSetWithMyComparer(other, out bool temporary);
            bool result = lookup.Count == Count && IsSupersetOf(lookup);
            ReleaseIfTemporary(lookup, temporary);
            return result;
        }

        public T[] ToArray()
        {
            T[] array = new T[Count];
            CopyTo(array, 0);
            return array;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null)
            {
                throw new ArgumentNullException("array");
            }
            if ((uint)arrayIndex > (uint)array.Length || array.Length - arrayIndex < Count)
            {
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection.");
            }
            if (_containsNull)
            {
                array[arrayIndex++] = default;
            }
            _table.Keys.CopyTo(array, arrayIndex);
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary><paramref name="other"/> as a set with this set's comparer: itself when it already is one, else a temporary copy.</summary>
        private HashSet<T> AsSetWithMyComparer(IEnumerable<T> other, out bool temporary)
        {
            if (other == null)
            {
                throw new ArgumentNullException("other");
            }
            if (other is HashSet<T> set && set.Comparer.Equals(Comparer))
            {
                temporary = false;
                return set;
            }
            temporary = true;
            return new HashSet<T>(other, _table.Comparer);
        }

        private static void ReleaseSnapshot(T[] items)
        {
            if (items.Length != 0)
            {
                System.Runtime.StorageRelease.Release(items);
            }
        }

        private static void ReleaseIfTemporary(HashSet<T> set, bool temporary)
        {
            if (temporary)
            {
                set._table.ReleaseStorage();
            }
        }

        /// <summary>foreach over the set: null first (if present), then the table's keys.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _set;
            private readonly int _nullVersion;
            private Dictionary<T, bool>.Enumerator _inner;
            private bool _nullPending;
            private T _current;

            internal Enumerator(HashSet<T> set)
            {
                _set = set;
                _nullVersion = set._nullVersion;
                _inner = set._table.GetEnumerator();
                _nullPending = set._containsNull;
                _current = default;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_nullVersion != _set._nullVersion)
                {
                    throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                }
                if (_nullPending)
                {
                    _nullPending = false;
                    _current = default;
                    return true;
                }
                if (_inner.MoveNext())
                {
                    _current = _inner.Current.Key;
                    return true;
                }
                _current = default;
                return false;
            }

            public void Reset()
            {
                _inner.Reset();
                _nullPending = _set._containsNull;
                _current = default;
            }

            public void Dispose()
            {
            }
        }
    }
}
