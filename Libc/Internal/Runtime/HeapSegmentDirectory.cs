namespace Internal.Runtime
{
    /// <summary>What a heap segment holds.</summary>
    public enum HeapSegmentKind : uint
    {
        /// <summary>A 64 KiB chunk of equal blocks of one size class (a <see cref="HeapChunk"/> at its start).</summary>
        Chunk = 1,
        /// <summary>One large object: a page run whose first bytes are the object (header word, MethodTable, fields).</summary>
        LargeObject = 2,
        /// <summary>One large block of raw memory (not an object): never collected, never scanned.</summary>
        LargeRaw = 3,
    }

    /// <summary>One region the heap took from its page source.</summary>
    public unsafe struct HeapSegment
    {
        public byte* Start;
        public nuint Bytes;
        public HeapSegmentKind Kind;
        /// <summary>For a large object: set while a collection has found it reachable.</summary>
        public uint Marked;
    }

    /// <summary>
    /// The heap's regions sorted by address, so that any address (an interior pointer from a stack, a field's value)
    /// maps to its segment by binary search. The array lives in pages of the page source and doubles when full.
    /// Not thread-safe: the heap's lock covers it.
    /// </summary>
    public unsafe struct HeapSegmentDirectory
    {
        private HeapSegment* _segments;
        private int _count;
        private int _capacity;
        private nuint _storageBytes;
        private nuint _lowest;
        private nuint _highest;
        private int _lastFound;

        public int Count => _count;

        /// <summary>Bytes of page-source memory the directory's own array occupies.</summary>
        public nuint StorageBytes => _storageBytes;

        public HeapSegment* At(int index) => _segments + index;

        /// <summary>True when the address lies between the lowest and the highest segment (a cheap filter before Find).</summary>
        public bool MayContain(nuint address) => address >= _lowest && address < _highest;

        /// <summary>The segment that contains <paramref name="address"/>, or null.</summary>
        public HeapSegment* Find(nuint address)
        {
            if (!MayContain(address))
            {
                return null;
            }
            // Successive look-ups (a sweep of a stack, an array's elements) often land in the same segment.
            if (_lastFound < _count)
            {
                HeapSegment* last = _segments + _lastFound;
                if (address >= (nuint)last->Start && address < (nuint)last->Start + last->Bytes)
                {
                    return last;
                }
            }
            int low = 0;
            int high = _count - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                HeapSegment* segment = _segments + middle;
                if (address < (nuint)segment->Start)
                {
                    high = middle - 1;
                }
                else if (address >= (nuint)segment->Start + segment->Bytes)
                {
                    low = middle + 1;
                }
                else
                {
                    _lastFound = middle;
                    return segment;
                }
            }
            return null;
        }

        /// <summary>Adds a segment; false when the directory could not grow (the page source is exhausted).</summary>
        public bool Insert(byte* start, nuint bytes, HeapSegmentKind kind, delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            if (_count == _capacity && !Grow(allocatePages, freePages))
            {
                return false;
            }
            int position = _count;
            while (position > 0 && _segments[position - 1].Start > start)
            {
                _segments[position] = _segments[position - 1];
                position--;
            }
            _segments[position].Start = start;
            _segments[position].Bytes = bytes;
            _segments[position].Kind = kind;
            _segments[position].Marked = 0;
            _count++;
            UpdateBounds();
            return true;
        }

        /// <summary>Removes the segment at <paramref name="index"/> (the caller gives its pages back).</summary>
        public void RemoveAt(int index)
        {
            for (int i = index; i < _count - 1; i++)
            {
                _segments[i] = _segments[i + 1];
            }
            _count--;
            UpdateBounds();
        }

        public int IndexOf(HeapSegment* segment) => (int)(segment - _segments);

        private void UpdateBounds()
        {
            if (_count == 0)
            {
                _lowest = 0;
                _highest = 0;
                return;
            }
            _lowest = (nuint)_segments[0].Start;
            HeapSegment* last = _segments + _count - 1;
            _highest = (nuint)last->Start + last->Bytes;
        }

        private bool Grow(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            nuint bytes = _storageBytes == 0 ? Heap.PageSize : _storageBytes * 2;
            HeapSegment* segments = (HeapSegment*)allocatePages(bytes);
            if (segments == null)
            {
                return false;
            }
            for (int i = 0; i < _count; i++)
            {
                segments[i] = _segments[i];
            }
            if (_segments != null)
            {
                freePages(_segments, StorageBytes);
            }
            _segments = segments;
            _storageBytes = bytes;
            _capacity = (int)(bytes / (nuint)sizeof(HeapSegment));
            return true;
        }
    }
}
