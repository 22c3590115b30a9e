namespace Internal.Runtime
{
    /// <summary>
    /// The header at the start of a 64 KiB heap chunk: every block in the chunk has the same size class, so an
    /// address maps to its block by one division, and a collection's mark bits sit here, one per block. Blocks
    /// are carved in address order; only the first <see cref="CarvedCount"/> exist (each free or allocated).
    /// </summary>
    public unsafe struct HeapChunk
    {
        public const int MaximumBlocks = Heap.ChunkSize / 16;
        private const int MarkWordCount = MaximumBlocks / 64;

        public int SizeClass;
        public int BlockSize;
        public int BlockCount;
        public int CarvedCount;

        /// <summary>ceil(2^32 / BlockSize): block offsets (under 2^16) divide by the block size exactly as (offset * this) >> 32.</summary>
        public ulong BlockSizeReciprocal;
        private fixed ulong _markBits[MarkWordCount];

        /// <summary>Offset of the first block from the chunk's start (the header rounded up to 16 bytes).</summary>
        public static int FirstBlockOffset => (sizeof(HeapChunk) + 15) & ~15;

        public void Initialize(int sizeClass, int blockSize)
        {
            SizeClass = sizeClass;
            BlockSize = blockSize;
            BlockCount = (Heap.ChunkSize - FirstBlockOffset) / blockSize;
            BlockSizeReciprocal = (1UL << 32) / (ulong)blockSize + 1;
            CarvedCount = 0;
            ClearMarks();
        }

        public byte* FirstBlock
        {
            get
            {
                fixed (HeapChunk* self = &this)
                {
                    return (byte*)self + FirstBlockOffset;
                }
            }
        }

        public byte* BlockAt(int index) => FirstBlock + (nint)index * BlockSize;

        /// <summary>The index of the carved block containing <paramref name="address"/>, or -1 (header, uncarved tail).</summary>
        public int IndexOf(nuint address)
        {
            nuint first = (nuint)FirstBlock;
            if (address < first)
            {
                return -1;
            }
            nuint offset = address - first;
            if (offset >= Heap.ChunkSize)
            {
                return -1;
            }
            // A multiplication instead of a division: exact because offset < 2^16 and the block size < 2^12 (see
            // BlockSizeReciprocal), and much cheaper on the collector's hottest path.
            nuint index = (nuint)(((ulong)offset * BlockSizeReciprocal) >> 32);
            return index < (nuint)CarvedCount ? (int)index : -1;
        }

        /// <summary>Sets the block's mark bit; true when it was clear (the block is newly found reachable).</summary>
        public bool TrySetMark(int index)
        {
            ulong bit = 1UL << (index & 63);
            ulong word = _markBits[index >> 6];
            if ((word & bit) != 0)
            {
                return false;
            }
            _markBits[index >> 6] = word | bit;
            return true;
        }

        public bool IsMarked(int index) => (_markBits[index >> 6] & (1UL << (index & 63))) != 0;

        public void ClearMarks()
        {
            for (int i = 0; i < MarkWordCount; i++)
            {
                _markBits[i] = 0;
            }
        }
    }
}
