namespace CosmosKernel.Memory
{
    /// <summary>
    /// The physical frame allocator: hands out 4 KiB frames of usable RAM, singly or as contiguous runs.
    ///
    /// State is two bitmaps with one bit per frame from physical 0 up to the end of the highest usable region:
    /// "in use" (1 = not free: allocated or reserved) and "reserved" (1 = never allocatable: not usable RAM in
    /// the memory map, or reserved by the caller at start-up, or the bitmaps themselves). Keeping reservations
    /// separately is what lets Free tell a double free from an attempt to free the kernel image.
    /// The bitmaps live in a usable region chosen at start-up and are reached through a
    /// <see cref="PhysicalMemoryWindow"/>, so this logic runs unchanged over simulated memory in host tests.
    ///
    /// Allocation takes the lowest free frame (the kernel relies on early frames being low: the boot stub's
    /// window covers only the first 4 GiB). Not thread-safe: callers serialise.
    /// </summary>
    internal unsafe struct FrameAllocator
    {
        public const ulong FrameSize = 4096;
        private const ulong FullWord = ulong.MaxValue;

        private PhysicalMemoryWindow _window;
        private ulong* _inUse;
        private ulong* _reserved;
        private ulong _frameCount;
        private ulong _wordCount;
        private ulong _freeFrames;
        private ulong _allocatableFrames;
        private ulong _searchWord;          // no free frame lies below this bitmap word
        private PhysicalRange _bitmapRange;

        /// <summary>
        /// Sets the allocator up over <paramref name="map"/>: usable regions become free except where they
        /// overlap a non-usable region, one of <paramref name="reservations"/>, frame 0 (so a zero physical
        /// address can always mean "none") or the bitmaps. Precondition: the window covers the chosen bitmap
        /// location (the first fitting place in a usable region inside the window).
        /// Returns None, NoUsableMemory or NoRoomForBitmap.
        /// </summary>
        public FrameAllocatorError Initialize(in MemoryMap map, PhysicalRange* reservations, int reservationCount, PhysicalMemoryWindow window)
        {
            _window = window;
            ulong highest = map.HighestUsableEnd.AlignDown(FrameSize).Value;
            if (highest == 0)
            {
                return FrameAllocatorError.NoUsableMemory;
            }
            _frameCount = highest / FrameSize;
            _wordCount = (_frameCount + 63) / 64;
            ulong bitmapBytes = new PhysicalAddress(_wordCount * 8 * 2).AlignUp(FrameSize).Value;
            PhysicalAddress bitmapStart;
            if (!FindBitmapPlace(in map, reservations, reservationCount, bitmapBytes, out bitmapStart))
            {
                return FrameAllocatorError.NoRoomForBitmap;
            }
            _bitmapRange = PhysicalRange.FromLength(bitmapStart, bitmapBytes);
            _inUse = (ulong*)window.ToPointer(bitmapStart);
            _reserved = _inUse + _wordCount;

            // Everything starts unavailable; usable RAM is then opened up and the exceptions closed again.
            for (ulong i = 0; i < _wordCount; i++)
            {
                _inUse[i] = FullWord;
                _reserved[i] = FullWord;
            }
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRegion region = map[i];
                if (region.IsUsable)
                {
                    ulong first = region.Start.AlignUp(FrameSize).FrameNumber;
                    ulong end = region.End.AlignDown(FrameSize).FrameNumber;
                    SetFrames(_inUse, first, end, false);
                    SetFrames(_reserved, first, end, false);
                }
            }
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRegion region = map[i];
                if (!region.IsUsable)
                {
                    Reserve(region.Range);
                }
            }
            for (int i = 0; i < reservationCount; i++)
            {
                Reserve(reservations[i]);
            }
            Reserve(_bitmapRange);
            Reserve(PhysicalRange.FromLength(PhysicalAddress.Null, FrameSize));

            _freeFrames = 0;
            for (ulong i = 0; i < _wordCount; i++)
            {
                _freeFrames += (ulong)(64 - PopulationCount(_inUse[i]));
            }
            _allocatableFrames = _freeFrames;
            _searchWord = 0;
            return FrameAllocatorError.None;
        }

        /// <summary>Frames currently free.</summary>
        public readonly ulong FreeFrames => _freeFrames;

        /// <summary>Free memory in whole MiB (rounded down).</summary>
        public readonly ulong FreeMebibytes => _freeFrames * FrameSize / (1024 * 1024);

        /// <summary>Frames that were free right after Initialize (all allocatable RAM).</summary>
        public readonly ulong AllocatableFrames => _allocatableFrames;

        /// <summary>Frames the bitmaps cover: physical 0 up to the end of the highest usable region.</summary>
        public readonly ulong ManagedFrames => _frameCount;

        /// <summary>Where the allocator keeps its bitmaps (reserved).</summary>
        public readonly PhysicalRange BitmapRange => _bitmapRange;

        /// <summary>Allocates the lowest free frame. Returns its address, or OutOfMemory. The frame is not zeroed.</summary>
        public FrameResult AllocateFrame()
        {
            for (ulong word = _searchWord; word < _wordCount; word++)
            {
                ulong bits = _inUse[word];
                if (bits != FullWord)
                {
                    int bit = TrailingZeroCount(~bits);
                    _inUse[word] = bits | (1UL << bit);
                    _freeFrames--;
                    _searchWord = word;
                    return FrameResult.Success(PhysicalAddress.FromFrameNumber(word * 64 + (ulong)bit));
                }
            }
            _searchWord = _wordCount;
            return FrameResult.Failure(FrameAllocatorError.OutOfMemory);
        }

        /// <summary>
        /// Allocates <paramref name="count"/> physically contiguous frames (the lowest such run).
        /// Returns the first frame's address, or InvalidCount (count 0 or more than all frames) or OutOfMemory.
        /// The frames are not zeroed.
        /// </summary>
        public FrameResult AllocateContiguous(ulong count)
        {
            if (count == 0 || count > _frameCount)
            {
                return FrameResult.Failure(FrameAllocatorError.InvalidCount);
            }
            if (count == 1)
            {
                return AllocateFrame();
            }
            ulong runStart = 0;
            ulong runLength = 0;
            ulong frame = _searchWord * 64;
            while (frame < _frameCount)
            {
                if ((frame & 63) == 0 && _inUse[frame / 64] == FullWord)
                {
                    runLength = 0;
                    frame += 64;
                    continue;
                }
                if (IsSet(_inUse, frame))
                {
                    runLength = 0;
                    frame++;
                    continue;
                }
                if (runLength == 0)
                {
                    runStart = frame;
                }
                runLength++;
                frame++;
                if (runLength == count)
                {
                    SetFrames(_inUse, runStart, runStart + count, true);
                    _freeFrames -= count;
                    return FrameResult.Success(PhysicalAddress.FromFrameNumber(runStart));
                }
            }
            return FrameResult.Failure(FrameAllocatorError.OutOfMemory);
        }

        /// <summary>
        /// Frees one frame returned by AllocateFrame or AllocateContiguous. Returns None, or NotFrameAligned,
        /// OutsideManagedMemory, ReservedFrame or DoubleFree (then nothing changes).
        /// </summary>
        public FrameAllocatorError FreeFrame(PhysicalAddress frame) => FreeContiguous(frame, 1);

        /// <summary>
        /// Frees <paramref name="count"/> frames starting at <paramref name="first"/>. Every frame is checked
        /// before any is freed, so on an error (as for FreeFrame, or InvalidCount) nothing changes.
        /// </summary>
        public FrameAllocatorError FreeContiguous(PhysicalAddress first, ulong count)
        {
            FrameAllocatorError error = CheckAllocated(first, count);
            if (error != FrameAllocatorError.None)
            {
                return error;
            }
            ulong firstFrame = first.FrameNumber;
            SetFrames(_inUse, firstFrame, firstFrame + count, false);
            _freeFrames += count;
            if (firstFrame / 64 < _searchWord)
            {
                _searchWord = firstFrame / 64;
            }
            return FrameAllocatorError.None;
        }

        /// <summary>
        /// Takes free frames, highest first, until only <paramref name="keep"/> remain free, and marks each taken frame in
        /// <paramref name="claimed"/> (one bit per managed frame, at least (ManagedFrames + 63) / 64 words). How the kernel
        /// hands the memory it does not keep for itself to sigma0 at boot. Returns how many frames were taken.
        /// </summary>
        public ulong ClaimFreeFrames(ulong keep, ulong* claimed)
        {
            ulong taken = 0;
            ulong frame = _frameCount;
            while (frame > 0 && _freeFrames > keep)
            {
                frame--;
                if (!IsSet(_inUse, frame))
                {
                    SetFrames(_inUse, frame, frame + 1, true);
                    claimed[frame / 64] |= 1UL << (int)(frame % 64);
                    _freeFrames--;
                    taken++;
                }
            }
            return taken;
        }

        /// <summary>True when the frame at <paramref name="frame"/> is free (false for unmanaged addresses).</summary>
        public readonly bool IsFree(PhysicalAddress frame)
        {
            ulong number = frame.FrameNumber;
            return number < _frameCount && !IsSet(_inUse, number);
        }

        /// <summary>True when the frame can never be allocated (addresses beyond managed memory count as reserved).</summary>
        public readonly bool IsReserved(PhysicalAddress frame)
        {
            ulong number = frame.FrameNumber;
            return number >= _frameCount || IsSet(_reserved, number);
        }

        private readonly FrameAllocatorError CheckAllocated(PhysicalAddress first, ulong count)
        {
            if (!first.IsAlignedTo(FrameSize))
            {
                return FrameAllocatorError.NotFrameAligned;
            }
            ulong firstFrame = first.FrameNumber;
            if (count == 0 || count > _frameCount)
            {
                return FrameAllocatorError.InvalidCount;
            }
            if (firstFrame >= _frameCount || count > _frameCount - firstFrame)
            {
                return FrameAllocatorError.OutsideManagedMemory;
            }
            for (ulong frame = firstFrame; frame < firstFrame + count; frame++)
            {
                if (IsSet(_reserved, frame))
                {
                    return FrameAllocatorError.ReservedFrame;
                }
                if (!IsSet(_inUse, frame))
                {
                    return FrameAllocatorError.DoubleFree;
                }
            }
            return FrameAllocatorError.None;
        }

        // Marks every frame touched by the range (rounded outwards) as reserved and in use.
        private void Reserve(PhysicalRange range)
        {
            if (range.IsEmpty)
            {
                return;
            }
            ulong first = range.Start.AlignDown(FrameSize).FrameNumber;
            ulong end = range.End.AlignUp(FrameSize).FrameNumber;
            if (range.End.Value > ulong.MaxValue - FrameSize)
            {
                end = _frameCount; // the range reaches the top of the address space
            }
            SetFrames(_inUse, first, end, true);
            SetFrames(_reserved, first, end, true);
        }

        // Finds the lowest frame-aligned place of `bytes` in a usable region inside the window that overlaps no
        // reservation and no non-usable region.
        private readonly bool FindBitmapPlace(in MemoryMap map, PhysicalRange* reservations, int reservationCount, ulong bytes, out PhysicalAddress place)
        {
            for (int i = 0; i < map.Count; i++)
            {
                MemoryRegion region = map[i];
                if (!region.IsUsable)
                {
                    continue;
                }
                ulong candidate = region.Start.AlignUp(FrameSize).Value;
                if (candidate == 0)
                {
                    candidate = FrameSize; // frame 0 is never used
                }
                ulong end = region.End.AlignDown(FrameSize).Value;
                while (candidate < end && bytes <= end - candidate)
                {
                    PhysicalRange wanted = PhysicalRange.FromLength(new PhysicalAddress(candidate), bytes);
                    if (!_window.Contains(wanted.Start, bytes))
                    {
                        break;
                    }
                    ulong blockedUntil = 0;
                    for (int r = 0; r < reservationCount; r++)
                    {
                        if (reservations[r].Overlaps(wanted) && reservations[r].End.Value > blockedUntil)
                        {
                            blockedUntil = reservations[r].End.Value;
                        }
                    }
                    for (int m = 0; m < map.Count; m++)
                    {
                        MemoryRegion other = map[m];
                        if (!other.IsUsable && other.Range.Overlaps(wanted) && other.End.Value > blockedUntil)
                        {
                            blockedUntil = other.End.Value;
                        }
                    }
                    if (blockedUntil == 0)
                    {
                        place = wanted.Start;
                        return true;
                    }
                    candidate = new PhysicalAddress(blockedUntil).AlignUp(FrameSize).Value;
                }
            }
            place = PhysicalAddress.Null;
            return false;
        }

        private static bool IsSet(ulong* bitmap, ulong frame) => (bitmap[frame / 64] & (1UL << (int)(frame & 63))) != 0;

        // Sets or clears bits [first, end) (clamped to the managed frames), a whole word at a time where possible.
        private readonly void SetFrames(ulong* bitmap, ulong first, ulong end, bool value)
        {
            if (end > _frameCount)
            {
                end = _frameCount;
            }
            ulong frame = first;
            while (frame < end)
            {
                if ((frame & 63) == 0 && end - frame >= 64)
                {
                    bitmap[frame / 64] = value ? FullWord : 0;
                    frame += 64;
                    continue;
                }
                ulong mask = 1UL << (int)(frame & 63);
                if (value)
                {
                    bitmap[frame / 64] |= mask;
                }
                else
                {
                    bitmap[frame / 64] &= ~mask;
                }
                frame++;
            }
        }

        // Index of the lowest set bit. Precondition: value != 0.
        private static int TrailingZeroCount(ulong value)
        {
            int count = 0;
            if ((value & 0xFFFFFFFF) == 0) { count += 32; value >>= 32; }
            if ((value & 0xFFFF) == 0) { count += 16; value >>= 16; }
            if ((value & 0xFF) == 0) { count += 8; value >>= 8; }
            if ((value & 0xF) == 0) { count += 4; value >>= 4; }
            if ((value & 0x3) == 0) { count += 2; value >>= 2; }
            if ((value & 0x1) == 0) { count += 1; }
            return count;
        }

        // Number of set bits (SWAR: constant time, no CPU feature needed).
        private static int PopulationCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }
    }
}
