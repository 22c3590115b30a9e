namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Which pages of the region pager's pool are in use, free, or not obtained yet. The pool is a run of
    /// <see cref="Capacity"/> pages in the root task's address space, numbered from 0; page n is obtained from sigma0 the
    /// first time it is taken (<see cref="PagePlacement.Fresh"/>: the caller asks sigma0 for a frame there, which arrives
    /// zeroed; if sigma0 has none, the caller hands the page back with <see cref="ReturnUnobtained"/>).
    /// Pages given back go on a free list and are taken again before any new page is obtained
    /// (<see cref="PagePlacement.Reused"/>: the caller zeroes them first, they held another client's data). Pure logic,
    /// host-tested; the caller serialises access.
    /// </summary>
    internal sealed class PoolPages
    {
        private const byte NotObtained = 0;
        private const byte InUse = 1;
        private const byte Free = 2;

        private readonly byte[] _states;
        private readonly int[] _nextFree;
        private int _freeHead = -1;
        private int _obtained;
        private int _freeCount;

        public PoolPages(int capacity)
        {
            _states = new byte[capacity];
            _nextFree = new int[capacity];
        }

        public int Capacity => _states.Length;

        /// <summary>Pages obtained from sigma0 so far (in use or free).</summary>
        public int ObtainedCount => _obtained;

        /// <summary>Obtained pages on the free list.</summary>
        public int FreeCount => _freeCount;

        public int InUseCount => _obtained - _freeCount;

        /// <summary>Takes a free page if there is one, else the next page not yet obtained; None when every page is in use.</summary>
        public PagePlacement Take(out int page)
        {
            if (_freeHead >= 0)
            {
                page = _freeHead;
                _freeHead = _nextFree[page];
                _freeCount--;
                _states[page] = InUse;
                return PagePlacement.Reused;
            }
            if (_obtained < _states.Length)
            {
                page = _obtained++;
                _states[page] = InUse;
                return PagePlacement.Fresh;
            }
            page = -1;
            return PagePlacement.None;
        }

        /// <summary>Puts a page in use on the free list; false (and nothing changes) if it is not a page in use.</summary>
        public bool Give(int page)
        {
            if ((uint)page >= (uint)_states.Length || _states[page] != InUse)
            {
                return false;
            }
            _states[page] = Free;
            _nextFree[page] = _freeHead;
            _freeHead = page;
            _freeCount++;
            return true;
        }

        /// <summary>Undoes the <see cref="Take"/> of the page last obtained (Fresh) when it could not be obtained after all; false otherwise.</summary>
        public bool ReturnUnobtained(int page)
        {
            if (page != _obtained - 1 || _states[page] != InUse)
            {
                return false;
            }
            _states[page] = NotObtained;
            _obtained--;
            return true;
        }

        public bool IsInUse(int page) => (uint)page < (uint)_states.Length && _states[page] == InUse;
    }
}
