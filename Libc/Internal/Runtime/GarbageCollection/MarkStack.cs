namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The objects found reachable whose fields are still to be traced. Its storage comes from the heap's page source
    /// (never from the heap itself, which is being collected), starts at 64 KiB, doubles when full and is kept between
    /// collections. Running out of pages while marking is a fatal error.
    /// </summary>
    public unsafe struct MarkStack
    {
        private const int InitialBytes = 64 * 1024;

        private byte** _items;
        private int _count;
        private int _capacity;
        private delegate*<nuint, void*> _allocatePages;
        private delegate*<void*, nuint, void> _freePages;

        public void Initialize(delegate*<nuint, void*> allocatePages, delegate*<void*, nuint, void> freePages)
        {
            _allocatePages = allocatePages;
            _freePages = freePages;
        }

        public int Count => _count;

        /// <summary>Bytes of page-source memory the stack holds.</summary>
        public nuint StorageBytes => (nuint)_capacity * (nuint)sizeof(byte*);

        public void Push(byte* block)
        {
            if (_count == _capacity)
            {
                Grow();
            }
            _items[_count++] = block;
        }

        public byte* Pop() => _count == 0 ? null : _items[--_count];

        public void Release()
        {
            if (_items != null)
            {
                _freePages(_items, StorageBytes);
            }
            _items = null;
            _count = 0;
            _capacity = 0;
        }

        private void Grow()
        {
            nuint bytes = _capacity == 0 ? InitialBytes : StorageBytes * 2;
            byte** items = (byte**)_allocatePages(bytes);
            if (items == null)
            {
                FatalError.Fail("garbage collector: out of memory for the mark stack");
            }
            for (int i = 0; i < _count; i++)
            {
                items[i] = _items[i];
            }
            if (_items != null)
            {
                _freePages(_items, StorageBytes);
            }
            _items = items;
            _capacity = (int)(bytes / (nuint)sizeof(byte*));
        }
    }
}
