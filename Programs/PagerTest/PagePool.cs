using Cosmos.Api;
using Cosmos.Api.Memory;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// The pages of its own address space a pager hands out, taken in address order from a range reserved for them.
    /// Either sigma0 fills the range (a block of <see cref="Sigma0BlockLog2"/> at a time, mapped by its reply into the
    /// range as memory receive window), or the range is already backed by this task's own pager and a page becomes
    /// mapped when it is first touched (a pager that is itself paged, or pages of a heap array).
    /// </summary>
    internal sealed unsafe class PagePool
    {
        /// <summary>Blocks asked from sigma0: 1 MiB, naturally aligned, so the range's base must be aligned to it too.</summary>
        public const int Sigma0BlockLog2 = 20;

        private const ulong PageSize = UserLayout.PageSize;

        private readonly ulong _base;
        private readonly ulong _capacity;
        private readonly uint _sigma0Slot;
        private readonly byte[] _storage;
        private ulong _taken;
        private ulong _filled;

        // Where the bytes read to make sure a page is mapped go, so that the reads are not left out.
        private static int s_touched;

        private PagePool(ulong baseAddress, ulong capacity, uint sigma0Slot, byte[] storage)
        {
            _base = baseAddress;
            _capacity = capacity;
            _sigma0Slot = sigma0Slot;
            _storage = storage;
            _filled = sigma0Slot == 0 ? capacity : 0;
        }

        /// <summary>Pages from sigma0 (a send right to its memory port in <paramref name="sigma0Slot"/>) mapped at <paramref name="baseAddress"/> on.</summary>
        public static PagePool FromSigma0(uint sigma0Slot, ulong baseAddress, ulong capacity) => new PagePool(baseAddress, capacity, sigma0Slot, null);

        /// <summary>The pages at <paramref name="baseAddress"/> on, which this task's pager maps when they are first touched.</summary>
        public static PagePool FromTouch(ulong baseAddress, ulong capacity) => new PagePool(baseAddress, capacity, 0, null);

        /// <summary>The pages of a heap array of this task (kept by the pool), so the task's own pager maps them.</summary>
        public static PagePool FromHeap(ulong capacity)
        {
            byte[] storage = new byte[(int)((capacity + 1) * PageSize)];
            fixed (byte* start = storage)
            {
                ulong aligned = ((ulong)start + PageSize - 1) & ~(PageSize - 1);
                return new PagePool(aligned, capacity, 0, storage);
            }
        }

        public ulong Base => _base;

        public ulong Taken => _taken;

        public ulong Capacity => _capacity;

        /// <summary>Sigma0's answer to the last block asked for (Success for a pool that does not ask sigma0).</summary>
        public Sigma0Status LastSigma0Status { get; private set; }

        /// <summary>True when <paramref name="address"/> is one of the pool's pages.</summary>
        public bool Contains(ulong address) => address >= _base && address < _base + _capacity * PageSize;

        /// <summary>Makes sure the next <paramref name="pages"/> pages are mapped here (sigma0 pools ask for them now); false if they cannot be.</summary>
        public bool Reserve(ulong pages)
        {
            while (_filled < _taken + pages)
            {
                if (!FillBlock())
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The next page, mapped here with read and write (its first byte written once); 0 when the pool is used up.</summary>
        public ulong Take()
        {
            if (_taken >= _capacity || (_taken >= _filled && !FillBlock()))
            {
                return 0;
            }
            ulong page = _base + _taken * PageSize;
            _taken++;
            if (_sigma0Slot == 0)
            {
                *(byte*)page = 0; // a fresh page of zeros: the write only makes this task's pager map it writable
            }
            return page;
        }

        /// <summary>Makes a page taken before mapped here again (its mapping may have been taken back) without changing its data.</summary>
        public static void MakePresent(ulong page)
        {
            s_touched += *(byte*)page;
        }

        private bool FillBlock()
        {
            if (_sigma0Slot == 0 || _filled >= _capacity)
            {
                return false;
            }
            ulong blockPages = (1UL << Sigma0BlockLog2) / PageSize;
            Sigma0Status status = Sigma0Client.AllocateAny(_sigma0Slot, Sigma0BlockLog2, _base + _filled * PageSize, out _);
            LastSigma0Status = status;
            if (status != Sigma0Status.Success)
            {
                return false;
            }
            _filled += blockPages;
            return true;
        }
    }
}
