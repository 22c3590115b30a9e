using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// A hash table with chained buckets. Entries live in one array (so enumeration walks them in insertion
    /// order while nothing is removed); each bucket holds the index of the first entry of its chain and each
    /// entry the index of the next. Bucket counts are powers of two and the hash code is spread with a
    /// Fibonacci multiply, so sequential integer keys and weak hash codes still use every bucket. Removed
    /// entries go on a free list for reuse. Keys may not be null.
    /// </summary>
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private const int MinimumCapacity = 4;

        // Entries in use have Next >= -1 (-1 ends a chain); free entries store -3 - (next free index), so
        // Next <= -2 marks them free and -2 ends the free list.
        private const int EndOfChain = -1;
        private const int FreeListEncoding = -3;

        private struct Entry
        {
            public uint HashCode;
            public int Next;
            public TKey Key;
            public TValue Value;
        }

        private int[] _buckets; // 1-based entry index of each chain's head; 0 = empty bucket
        private Entry[] _entries;
        private int _bucketShift; // 32 - log2(bucket count)
        private int _count; // entries used so far, including freed ones
        private int _freeList = -1;
        private int _freeCount;
        private int _version;
        private readonly IEqualityComparer<TKey> _comparer; // null: EqualityComparer<TKey>.Default
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary() : this(0, null)
        {
        }

        public Dictionary(int capacity) : this(capacity, null)
        {
        }

        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer)
        {
        }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            if (capacity > 0)
            {
                Initialize(capacity);
            }
            if (comparer != null && comparer != EqualityComparer<TKey>.Default)
            {
                _comparer = comparer;
            }
        }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null)
        {
        }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer) : this(0, comparer)
        {
            if (collection == null)
            {
                throw new ArgumentNullException("collection");
            }
            foreach (KeyValuePair<TKey, TValue> pair in collection)
            {
                Add(pair.Key, pair.Value);
            }
        }

        public int Count => _count - _freeCount;

        public IEqualityComparer<TKey> Comparer => _comparer ?? EqualityComparer<TKey>.Default;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);

        public ValueCollection Values => _values ??= new ValueCollection(this);

        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;

        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        /// <summary>Gets (KeyNotFoundException if absent) or sets (adding or replacing) the value of a key.</summary>
        public TValue this[TKey key]
        {
            get
            {
                int index = FindEntry(key);
                if (index < 0)
                {
                    throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
                }
                return _entries[index].Value;
            }
            set => Insert(key, value, overwrite: true);
        }

        /// <summary>Adds a new key; ArgumentException if it is already present.</summary>
        public void Add(TKey key, TValue value)
        {
            if (!Insert(key, value, overwrite: false))
            {
                throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
            }
        }

        /// <summary>Adds a new key; false (and no change) if it is already present.</summary>
        public bool TryAdd(TKey key, TValue value) => Insert(key, value, overwrite: false);

        public bool TryGetValue(TKey key, out TValue value)
        {
            int index = FindEntry(key);
            if (index < 0)
            {
                value = default;
                return false;
            }
            value = _entries[index].Value;
            return true;
        }

        /// <summary>The stored key equal to <paramref name="key"/> (it can differ from it under a custom comparer).</summary>
        internal bool TryGetStoredKey(TKey key, out TKey storedKey)
        {
            int index = FindEntry(key);
            storedKey = index < 0 ? default : _entries[index].Key;
            return index >= 0;
        }

        public TValue GetValueOrDefault(TKey key, TValue defaultValue = default)
        {
            int index = FindEntry(key);
            return index < 0 ? defaultValue : _entries[index].Value;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].Next >= EndOfChain && comparer.Equals(_entries[i].Value, value))
                {
                    return true;
                }
            }
            return false;
        }

        public bool Remove(TKey key) => Remove(key, out _);

        /// <summary>Removes a key, handing back its value; false if it was not present.</summary>
        public bool Remove(TKey key, out TValue value)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
            value = default;
            if (_buckets == null)
            {
                return false;
            }
            uint hashCode = HashOf(key);
            ref int bucket = ref _buckets[BucketOf(hashCode)];
            int previous = -1;
            int index = bucket - 1;
            int steps = 0;
            while (index >= 0)
            {
                ref Entry entry = ref _entries[index];
                if (entry.HashCode == hashCode && KeysEqual(entry.Key, key))
                {
                    if (previous < 0)
                    {
                        bucket = entry.Next + 1;
                    }
                    else
                    {
                        _entries[previous].Next = entry.Next;
                    }
                    value = entry.Value;
                    entry.Key = default;
                    entry.Value = default;
                    entry.Next = FreeListEncoding - _freeList;
                    _freeList = index;
                    _freeCount++;
                    _version++;
                    return true;
                }
                previous = index;
                index = entry.Next;
                CheckChainLength(++steps);
            }
            return false;
        }

        public void Clear()
        {
            if (_count == 0)
            {
                return;
            }
            Array.Clear(_buckets);
            new Span<Entry>(_entries, 0, _count).Clear();
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
            _version++;
        }

        /// <summary>Makes room for <paramref name="capacity"/> entries without further growth; returns the capacity.</summary>
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }
            if (_entries == null)
            {
                Initialize(capacity);
            }
            else if (_entries.Length < capacity)
            {
                Resize(capacity);
            }
            return _entries == null ? 0 : _entries.Length;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item)
        {
            int index = FindEntry(item.Key);
            return index >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[index].Value, item.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item)
        {
            int index = FindEntry(item.Key);
            if (index >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[index].Value, item.Value))
            {
                return Remove(item.Key);
            }
            return false;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            CheckCopyTarget(array, arrayIndex);
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].Next >= EndOfChain)
                {
                    array[arrayIndex++] = new KeyValuePair<TKey, TValue>(_entries[i].Key, _entries[i].Value);
                }
            }
        }

        private void Initialize(int capacity)
        {
            int size = MinimumCapacity;
            int shift = 30;
            while (size < capacity)
            {
                size *= 2;
                shift--;
            }
            _buckets = new int[size];
            _entries = new Entry[size];
            _bucketShift = shift;
            _freeList = -1;
        }

        private uint HashOf(TKey key) => (uint)(_comparer == null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key));

        // Fibonacci hashing: the multiply mixes every bit of the hash code into the top bits we keep.
        private int BucketOf(uint hashCode) => (int)((hashCode * 2654435769u) >> _bucketShift);

        private bool KeysEqual(TKey left, TKey right) => _comparer == null ? EqualityComparer<TKey>.Default.Equals(left, right) : _comparer.Equals(left, right);

        private int FindEntry(TKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
            if (_buckets == null)
            {
                return -1;
            }
            uint hashCode = HashOf(key);
            int index = _buckets[BucketOf(hashCode)] - 1;
            int steps = 0;
            while (index >= 0)
            {
                ref Entry entry = ref _entries[index];
                if (entry.HashCode == hashCode && KeysEqual(entry.Key, key))
                {
                    return index;
                }
                index = entry.Next;
                CheckChainLength(++steps);
            }
            return -1;
        }

        /// <summary>Adds or (when <paramref name="overwrite"/>) replaces; false when the key exists and may not be replaced.</summary>
        private bool Insert(TKey key, TValue value, bool overwrite)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
            if (_buckets == null)
            {
                Initialize(0);
            }
            uint hashCode = HashOf(key);
            int index = _buckets[BucketOf(hashCode)] - 1;
            int steps = 0;
            while (index >= 0)
            {
                ref Entry existing = ref _entries[index];
                if (existing.HashCode == hashCode && KeysEqual(existing.Key, key))
                {
                    if (!overwrite)
                    {
                        return false;
                    }
                    existing.Value = value;
                    _version++;
                    return true;
                }
                index = existing.Next;
                CheckChainLength(++steps);
            }

            int slot;
            if (_freeCount > 0)
            {
                slot = _freeList;
                _freeList = FreeListEncoding - _entries[slot].Next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries.Length)
                {
                    Resize(_entries.Length * 2);
                }
                slot = _count++;
            }
            ref int bucket = ref _buckets[BucketOf(hashCode)];
            ref Entry entry = ref _entries[slot];
            entry.HashCode = hashCode;
            entry.Key = key;
            entry.Value = value;
            entry.Next = bucket - 1;
            bucket = slot + 1;
            _version++;
            return true;
        }

        /// <summary>Grows to the next power of two at least <paramref name="capacity"/> and relinks every chain.</summary>
        private void Resize(int capacity)
        {
            int size = _entries.Length;
            int shift = _bucketShift;
            while (size < capacity)
            {
                size *= 2;
                shift--;
            }
            Entry[] oldEntries = _entries;
            int[] oldBuckets = _buckets;
            Entry[] entries = new Entry[size];
            Array.Copy(oldEntries, entries, _count);
            int[] buckets = new int[size];
            _entries = entries;
            _buckets = buckets;
            _bucketShift = shift;
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].Next >= EndOfChain)
                {
                    ref int bucket = ref buckets[BucketOf(entries[i].HashCode)];
                    entries[i].Next = bucket - 1;
                    bucket = i + 1;
                }
            }
            StorageRelease.Release(oldEntries);
            StorageRelease.Release(oldBuckets);
        }

        /// <summary>For a dictionary that is done with (a temporary one inside the library): its arrays go back to the heap and it becomes empty.</summary>
        internal void ReleaseStorage()
        {
            if (_entries != null)
            {
                StorageRelease.Release(_entries);
                StorageRelease.Release(_buckets);
            }
            _entries = null;
            _buckets = null;
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
            _version++;
        }

        /// <summary>A chain longer than the table can only come from unsynchronised concurrent writes.</summary>
        private void CheckChainLength(int steps)
        {
            if (steps > _entries.Length)
            {
                throw new InvalidOperationException("Operations that change non-concurrent collections must have exclusive access.");
            }
        }

        private void CheckCopyTarget(Array array, int arrayIndex)
        {
            if (array == null)
            {
                throw new ArgumentNullException("array");
            }
            if ((uint)arrayIndex > (uint)array.Length || array.Length - arrayIndex < Count)
            {
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection.");
            }
        }

        private static void ThrowVersionChanged() => throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");

        /// <summary>foreach over the entries (as KeyValuePair) without allocating.</summary>
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current => _current;

            public bool MoveNext()
            {
                if (_version != _dictionary._version)
                {
                    ThrowVersionChanged();
                }
                while ((uint)_index < (uint)_dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.Next >= EndOfChain)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                        return true;
                    }
                }
                _index = _dictionary._count + 1;
                _current = default;
                return false;
            }

            public void Reset()
            {
                _index = 0;
                _current = default;
            }

            public void Dispose()
            {
            }
        }

        /// <summary>The keys, as a live read-only view.</summary>
        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary ?? throw new ArgumentNullException("dictionary");
            }

            public int Count => _dictionary.Count;

            bool ICollection<TKey>.IsReadOnly => true;

            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                _dictionary.CheckCopyTarget(array, index);
                Dictionary<TKey, TValue> dictionary = _dictionary;
                for (int i = 0; i < dictionary._count; i++)
                {
                    if (dictionary._entries[i].Next >= EndOfChain)
                    {
                        array[index++] = dictionary._entries[i].Key;
                    }
                }
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TKey>
            {
                private Dictionary<TKey, TValue>.Enumerator _inner;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _inner = new Dictionary<TKey, TValue>.Enumerator(dictionary);
                }

                public TKey Current => _inner.Current.Key;

                object IEnumerator.Current => _inner.Current.Key;

                public bool MoveNext() => _inner.MoveNext();

                public void Reset() => _inner.Reset();

                public void Dispose()
                {
                }
            }
        }

        /// <summary>The values, as a live read-only view.</summary>
        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary ?? throw new ArgumentNullException("dictionary");
            }

            public int Count => _dictionary.Count;

            bool ICollection<TValue>.IsReadOnly => true;

            public bool Contains(TValue item) => _dictionary.ContainsValue(item);

            public void CopyTo(TValue[] array, int index)
            {
                _dictionary.CheckCopyTarget(array, index);
                Dictionary<TKey, TValue> dictionary = _dictionary;
                for (int i = 0; i < dictionary._count; i++)
                {
                    if (dictionary._entries[i].Next >= EndOfChain)
                    {
                        array[index++] = dictionary._entries[i].Value;
                    }
                }
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TValue>
            {
                private Dictionary<TKey, TValue>.Enumerator _inner;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _inner = new Dictionary<TKey, TValue>.Enumerator(dictionary);
                }

                public TValue Current => _inner.Current.Value;

                object IEnumerator.Current => _inner.Current.Value;

                public bool MoveNext() => _inner.MoveNext();

                public void Reset() => _inner.Reset();

                public void Dispose()
                {
                }
            }
        }
    }
}
