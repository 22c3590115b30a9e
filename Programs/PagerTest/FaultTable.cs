namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Which page of the pager's own pool backs each client page it has served: an open-addressing hash table keyed by the
    /// client's badge and page address, so that a fault at a page served before (its mapping was taken back) gets the same
    /// page, and its data, again. Allocation-free after construction; never shrinks.
    /// </summary>
    internal sealed class FaultTable
    {
        // A key is the page address with the badge's low 11 bits below it and bit 11 set, so it is never 0 (an empty entry).
        private const ulong BadgeMask = 0x7FF;
        private const ulong UsedBit = 0x800;

        private readonly ulong[] _keys;
        private readonly ulong[] _pages;
        private readonly int _mask;
        private int _count;

        public FaultTable(int capacityLog2)
        {
            _keys = new ulong[1 << capacityLog2];
            _pages = new ulong[1 << capacityLog2];
            _mask = (1 << capacityLog2) - 1;
        }

        public int Count => _count;

        /// <summary>The pool page recorded for (<paramref name="badge"/>, <paramref name="page"/>), or 0.</summary>
        public ulong Find(ulong badge, ulong page)
        {
            ulong key = KeyOf(badge, page);
            for (int index = IndexOf(key); _keys[index] != 0; index = (index + 1) & _mask)
            {
                if (_keys[index] == key)
                {
                    return _pages[index];
                }
            }
            return 0;
        }

        /// <summary>Records that <paramref name="poolPage"/> backs (<paramref name="badge"/>, <paramref name="page"/>); false when the table is three quarters full.</summary>
        public bool Add(ulong badge, ulong page, ulong poolPage)
        {
            if (_count >= (_mask + 1) / 4 * 3)
            {
                return false;
            }
            ulong key = KeyOf(badge, page);
            int index = IndexOf(key);
            while (_keys[index] != 0 && _keys[index] != key)
            {
                index = (index + 1) & _mask;
            }
            if (_keys[index] == 0)
            {
                _count++;
            }
            _keys[index] = key;
            _pages[index] = poolPage;
            return true;
        }

        private static ulong KeyOf(ulong badge, ulong page) => (page & ~0xFFFUL) | UsedBit | (badge & BadgeMask);

        private int IndexOf(ulong key) => (int)(((key >> 12) * 0x9E3779B97F4A7C15UL) >> 40) & _mask;
    }
}
