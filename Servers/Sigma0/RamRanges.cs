using System;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// The RAM sigma0 owns, as the kernel listed it (PhysicalMemoryRanges), sorted by address, with overlapping and
    /// touching ranges merged and each range trimmed to whole frames; and the numbering of its frames: frame numbers run
    /// through the ranges in address order, so range i's frames are FirstFrame(i) .. FirstFrame(i) + FrameCountOf(i) - 1.
    /// Made once at start and never changed, so both of sigma0's threads read it without a lock. Pure logic: host-tested.
    /// </summary>
    internal sealed class RamRanges
    {
        private readonly ulong[] _bases;
        private readonly ulong[] _ends;
        private readonly long[] _firstFrames;
        private readonly int _count;
        private readonly long _frameCount;

        /// <summary>Sorts and merges <paramref name="ranges"/> (which it may reorder); empty ranges are dropped.</summary>
        public RamRanges(PhysicalMemoryRange[] ranges, int count)
        {
            if (count < 0 || count > ranges.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
            SortByBase(ranges, count);
            _bases = new ulong[count];
            _ends = new ulong[count];
            _firstFrames = new long[count];
            int merged = 0;
            for (int i = 0; i < count; i++)
            {
                ulong start = AlignUp(ranges[i].Base);
                ulong end = ranges[i].Base + ranges[i].Length;
                if (end < ranges[i].Base)
                {
                    end = ulong.MaxValue; // a range that wraps ends at the top of the physical address space
                }
                end &= ~(PhysicalBlock.FrameSize - 1);
                if (end <= start)
                {
                    continue;
                }
                if (merged > 0 && start <= _ends[merged - 1])
                {
                    if (end > _ends[merged - 1])
                    {
                        _ends[merged - 1] = end;
                    }
                    continue;
                }
                _bases[merged] = start;
                _ends[merged] = end;
                merged++;
            }
            long frames = 0;
            for (int i = 0; i < merged; i++)
            {
                _firstFrames[i] = frames;
                frames += (long)((_ends[i] - _bases[i]) >> PhysicalBlock.FrameSizeLog2);
            }
            _count = merged;
            _frameCount = frames;
        }

        /// <summary>Ranges after merging.</summary>
        public int Count => _count;

        /// <summary>Frames of RAM in all ranges.</summary>
        public long FrameCount => _frameCount;

        public ulong BaseOf(int range) => _bases[range];

        /// <summary>The first address past range <paramref name="range"/>.</summary>
        public ulong EndOf(int range) => _ends[range];

        public long FirstFrameOf(int range) => _firstFrames[range];

        /// <summary>The range holding <paramref name="address"/>, or -1 when it is not RAM sigma0 owns.</summary>
        public int RangeOf(ulong address)
        {
            int low = 0;
            int high = _count - 1;
            while (low <= high)
            {
                int middle = (low + high) >>> 1;
                if (address < _bases[middle])
                {
                    high = middle - 1;
                }
                else if (address >= _ends[middle])
                {
                    low = middle + 1;
                }
                else
                {
                    return middle;
                }
            }
            return -1;
        }

        /// <summary>The frame number of the frame at <paramref name="address"/> in range <paramref name="range"/>.</summary>
        public long FrameNumberOf(int range, ulong address) => _firstFrames[range] + (long)((address - _bases[range]) >> PhysicalBlock.FrameSizeLog2);

        /// <summary>The physical address of frame <paramref name="frame"/> of range <paramref name="range"/>.</summary>
        public ulong AddressOf(int range, long frame) => _bases[range] + ((ulong)(frame - _firstFrames[range]) << PhysicalBlock.FrameSizeLog2);

        /// <summary>True when every byte of the block is RAM sigma0 owns (merged ranges: one range holds it all).</summary>
        public bool ContainsAll(PhysicalBlock block)
        {
            int range = RangeOf(block.BaseAddress);
            return range >= 0 && block.End <= _ends[range];
        }

        /// <summary>True when some byte of the block is RAM sigma0 owns.</summary>
        public bool ContainsAny(PhysicalBlock block)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_bases[i] < block.End && block.BaseAddress < _ends[i])
                {
                    return true;
                }
            }
            return false;
        }

        private static ulong AlignUp(ulong address)
        {
            ulong aligned = (address + PhysicalBlock.FrameSize - 1) & ~(PhysicalBlock.FrameSize - 1);
            return aligned < address ? ulong.MaxValue : aligned; // wrapped: no whole frame starts there
        }

        // Insertion sort: the kernel lists a handful of ranges, and this allocates nothing.
        private static void SortByBase(PhysicalMemoryRange[] ranges, int count)
        {
            for (int i = 1; i < count; i++)
            {
                PhysicalMemoryRange current = ranges[i];
                int j = i - 1;
                while (j >= 0 && ranges[j].Base > current.Base)
                {
                    ranges[j + 1] = ranges[j];
                    j--;
                }
                ranges[j + 1] = current;
            }
        }
    }
}
