using System;
using System.Numerics;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Which of sigma0's RAM frames are free and who holds each given one: one bit per frame (set: free) and one byte per
    /// frame naming its owner in <see cref="FrameOwners"/>, numbered as <see cref="RamRanges"/> numbers them. Everything
    /// is allocated by the constructor (for 4 GiB of RAM: 128 KiB of bitmap and 1 MiB of owner bytes) and nothing after,
    /// so serving requests never needs the heap. A frame is given to one owner until that owner releases it. Only the
    /// memory port's thread uses the table. Pure logic: host-tested.
    /// </summary>
    internal sealed class FrameTable
    {
        /// <summary>The most frames the table can number (8 TiB): its arrays are indexed by int.</summary>
        public const long MaximumFrames = int.MaxValue;

        private readonly RamRanges _ram;
        private readonly FrameOwners _owners;
        private readonly ulong[] _free;
        private readonly byte[] _ownerOf;
        private long _freeFrames;

        public FrameTable(RamRanges ram, int ownerCapacity = FrameOwners.MaximumCapacity)
        {
            _ram = ram;
            _owners = new FrameOwners(ownerCapacity);
            long frames = ram.FrameCount;
            if (frames > MaximumFrames)
            {
                throw new ArgumentOutOfRangeException(nameof(ram));
            }
            _free = new ulong[(int)((frames + 63) / 64)];
            _ownerOf = new byte[(int)frames];
            for (int frame = 0; frame < (int)frames; frame++)
            {
                _free[frame >> 6] |= 1UL << (int)(frame & 63);
            }
            _freeFrames = frames;
        }

        public long TotalFrames => _ram.FrameCount;

        public long FreeFrames => _freeFrames;

        public long GivenFrames => _ram.FrameCount - _freeFrames;

        /// <summary>
        /// Gives <paramref name="badge"/> the lowest free, naturally aligned, physically contiguous block of
        /// 2^<paramref name="sizeLog2"/> bytes. BadRequest for a size out of range; NoMemory when there is no such block
        /// (or every owner entry is taken by other badges).
        /// </summary>
        public Sigma0Status AllocateAny(ulong sizeLog2, ulong badge, out PhysicalBlock block)
        {
            block = default;
            if (!PhysicalBlock.IsValidSizeLog2(sizeLog2))
            {
                return Sigma0Status.BadRequest;
            }
            if (!FindFreeBlock((int)sizeLog2, out block))
            {
                return Sigma0Status.NoMemory;
            }
            return Take(block, badge);
        }

        /// <summary>
        /// Gives <paramref name="badge"/> exactly <paramref name="block"/>: NotRam unless all of it is RAM sigma0 owns,
        /// AlreadyGiven if any frame of it is given (to anyone, <paramref name="badge"/> included).
        /// </summary>
        public Sigma0Status AllocatePhysical(PhysicalBlock block, ulong badge)
        {
            int range = _ram.RangeOf(block.BaseAddress);
            if (range < 0 || !_ram.ContainsAll(block))
            {
                return Sigma0Status.NotRam;
            }
            int first = (int)_ram.FrameNumberOf(range, block.BaseAddress);
            if (NextGiven(first, first + block.FrameCount) >= 0)
            {
                return Sigma0Status.AlreadyGiven;
            }
            return Take(block, badge);
        }

        /// <summary>Success when every frame of <paramref name="block"/> is RAM given to <paramref name="badge"/>; NotOwned otherwise. Changes nothing.</summary>
        public Sigma0Status CheckRelease(PhysicalBlock block, ulong badge)
        {
            int range = _ram.RangeOf(block.BaseAddress);
            if (range < 0 || !_ram.ContainsAll(block))
            {
                return Sigma0Status.NotOwned;
            }
            byte owner = _owners.Find(badge);
            if (owner == FrameOwners.None)
            {
                return Sigma0Status.NotOwned;
            }
            int first = (int)_ram.FrameNumberOf(range, block.BaseAddress);
            for (int frame = first; frame < first + (int)block.FrameCount; frame++)
            {
                if (_ownerOf[frame] != owner)
                {
                    return Sigma0Status.NotOwned;
                }
            }
            return Sigma0Status.Success;
        }

        /// <summary>
        /// Makes every frame of <paramref name="block"/> free again: after a release (the caller unmapped it first) or when
        /// the reply that was to map it failed. Every frame must be given (a broken caller is a fatal error, not a silent no-op).
        /// </summary>
        public void Free(PhysicalBlock block)
        {
            int range = _ram.RangeOf(block.BaseAddress);
            if (range < 0 || !_ram.ContainsAll(block))
            {
                throw new InvalidOperationException("sigma0: freeing a block that is not its RAM");
            }
            int first = (int)_ram.FrameNumberOf(range, block.BaseAddress);
            for (int frame = first; frame < first + (int)block.FrameCount; frame++)
            {
                byte owner = _ownerOf[frame];
                if (owner == FrameOwners.None)
                {
                    throw new InvalidOperationException("sigma0: freeing a frame that is free");
                }
                _owners.Count(owner, -1);
                _ownerOf[frame] = FrameOwners.None;
                _free[frame >> 6] |= 1UL << (int)(frame & 63);
            }
            _freeFrames += block.FrameCount;
        }

        /// <summary>
        /// Takes back every given frame that nobody maps any more — its holder unmapped it, or ended — after removing sigma0's
        /// own mapping of it (so the kernel zeroes it when it is mapped again). How memory given to a task that ended without
        /// releasing it returns. Returns the frames freed.
        /// </summary>
        public long ReclaimAbandoned(IPhysicalUnmap kernel)
        {
            long reclaimed = 0;
            for (int range = 0; range < _ram.Count; range++)
            {
                long first = _ram.FirstFrameOf(range);
                long end = _ram.FrameNumberOf(range, _ram.EndOf(range) - PhysicalBlock.FrameSize) + 1;
                for (long frame = NextGiven(first, end); frame >= 0; frame = NextGiven(frame + 1, end))
                {
                    ulong address = _ram.AddressOf(range, frame);
                    if (kernel.IsAbandoned(address) && PhysicalBlock.TryCreate(address, PhysicalBlock.FrameSizeLog2, out PhysicalBlock block) && kernel.Unmap(block))
                    {
                        Free(block);
                        reclaimed++;
                    }
                }
            }
            return reclaimed;
        }

        /// <summary>The badge the RAM frame at <paramref name="address"/> is given to; false when it is free or not sigma0's RAM.</summary>
        public bool TryGetOwner(ulong address, out ulong badge)
        {
            badge = 0;
            int range = _ram.RangeOf(address);
            if (range < 0)
            {
                return false;
            }
            byte owner = _ownerOf[(int)_ram.FrameNumberOf(range, address)];
            if (owner == FrameOwners.None)
            {
                return false;
            }
            badge = _owners.BadgeOf(owner);
            return true;
        }

        private Sigma0Status Take(PhysicalBlock block, ulong badge)
        {
            byte owner = _owners.FindOrAdd(badge);
            if (owner == FrameOwners.None)
            {
                return Sigma0Status.NoMemory;
            }
            int range = _ram.RangeOf(block.BaseAddress);
            int first = (int)_ram.FrameNumberOf(range, block.BaseAddress);
            for (int frame = first; frame < first + (int)block.FrameCount; frame++)
            {
                _ownerOf[frame] = owner;
                _free[frame >> 6] &= ~(1UL << (int)(frame & 63));
            }
            _owners.Count(owner, block.FrameCount);
            _freeFrames -= block.FrameCount;
            return Sigma0Status.Success;
        }

        // First fit over the ranges in address order. Each step jumps to the next free frame, or past the first given
        // frame inside the candidate, with word-wide bitmap scans, so a search costs about one pass over the bitmap.
        private bool FindFreeBlock(int sizeLog2, out PhysicalBlock block)
        {
            block = default;
            ulong size = 1UL << sizeLog2;
            for (int range = 0; range < _ram.Count; range++)
            {
                ulong end = _ram.EndOf(range);
                long rangeEndFrame = _ram.FrameNumberOf(range, end - PhysicalBlock.FrameSize) + 1;
                ulong candidate = AlignUp(_ram.BaseOf(range), size);
                while (candidate >= _ram.BaseOf(range) && candidate < end && end - candidate >= size)
                {
                    long first = _ram.FrameNumberOf(range, candidate);
                    long free = NextFree(first, rangeEndFrame);
                    if (free < 0)
                    {
                        break;
                    }
                    if (free != first)
                    {
                        candidate = AlignUp(_ram.AddressOf(range, free), size);
                        continue;
                    }
                    long given = NextGiven(first, first + (long)(size >> PhysicalBlock.FrameSizeLog2));
                    if (given < 0)
                    {
                        return PhysicalBlock.TryCreate(candidate, (ulong)sizeLog2, out block);
                    }
                    candidate = AlignUp(_ram.AddressOf(range, given) + PhysicalBlock.FrameSize, size);
                }
            }
            return false;
        }

        private long NextFree(long from, long end) => NextMatching(from, end, 0);

        private long NextGiven(long from, long end) => NextMatching(from, end, ulong.MaxValue);

        // The first frame in [from, end) whose free bit, XORed with the pattern's, is set; -1 if none.
        private long NextMatching(long from, long end, ulong invert)
        {
            long frame = from;
            while (frame < end)
            {
                int word = (int)(frame >> 6);
                ulong bits = (_free[word] ^ invert) & (ulong.MaxValue << (int)(frame & 63));
                if (bits != 0)
                {
                    long found = ((long)word << 6) + BitOperations.TrailingZeroCount(bits);
                    return found < end ? found : -1;
                }
                frame = ((long)word + 1) << 6;
            }
            return -1;
        }

        // Rounds up to a multiple of the power of two; wraps to a value below the address at the top, which the callers treat as "no room".
        private static ulong AlignUp(ulong address, ulong size) => (address + size - 1) & ~(size - 1);
    }
}
