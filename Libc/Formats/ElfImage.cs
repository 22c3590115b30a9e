namespace Cosmos.Formats
{
    /// <summary>Why an ELF file was refused. Every check in <see cref="ElfImage.Parse"/> has its own reason.</summary>
    public enum ElfError
    {
        None = 0,
        TooSmall,
        BadMagic,
        NotSixtyFourBit,
        NotLittleEndian,
        BadVersion,
        NotExecutable,
        WrongMachine,
        BadProgramHeaderSize,
        ProgramHeadersOutsideFile,
        TooManySegments,
        NoLoadableSegment,
        SegmentOutsideFile,
        SegmentFileSizeExceedsMemorySize,
        SegmentOutsideUserSpace,
        SegmentsOverlap,
        SegmentMisaligned,
        EntryNotInExecutableSegment,
    }

    /// <summary>One PT_LOAD segment: what to copy from the file and where it goes in the task.</summary>
    public struct ElfSegment
    {
        public ulong VirtualAddress;
        public ulong MemorySize;
        public ulong FileOffset;
        public ulong FileSize;
        public bool Readable;
        public bool Writable;
        public bool Executable;

        /// <summary>The first page the segment occupies (its address rounded down to a page).</summary>
        public readonly ulong PageStart => VirtualAddress & ~(Cosmos.Api.UserLayout.PageSize - 1);

        /// <summary>The end of the last page the segment occupies (its end rounded up to a page).</summary>
        public readonly ulong PageEnd => (VirtualAddress + MemorySize + Cosmos.Api.UserLayout.PageSize - 1) & ~(Cosmos.Api.UserLayout.PageSize - 1);
    }

    /// <summary>
    /// A validated ELF64 x86-64 executable for a ring-3 task. Parse checks everything a loader relies on
    /// before anything is mapped: header fields, that program headers and every segment's file bytes lie
    /// inside the file, that segments lie in the user half above the null guard page, do not overlap, and
    /// that the entry point is in an executable segment. A malformed file gets an <see cref="ElfError"/>,
    /// never a fault. Pure logic over a byte range: compiled into the host tests too.
    /// </summary>
    public unsafe struct ElfImage
    {
        public const int MaximumSegments = 16;
        public const ulong UserSpaceStart = Cosmos.Api.UserLayout.MappableStart; // page 0 stays unmapped so null dereferences fault
        public const ulong UserSpaceEnd = Cosmos.Api.UserLayout.MappableEnd;     // exclusive: the kernel's user-visible pages follow
        private const int HeaderSize = 64;
        private const int ProgramHeaderSize = 56;
        private const uint LoadSegmentType = 1;
        private const uint ExecutableFlag = 1;
        private const uint WritableFlag = 2;
        private const uint ReadableFlag = 4;

        private fixed byte _segmentStorage[MaximumSegments * 56];

        public ulong EntryPoint;
        public int SegmentCount;

        public ElfSegment GetSegment(int index)
        {
            fixed (byte* storage = _segmentStorage)
            {
                return ((ElfSegment*)storage)[index];
            }
        }

        private void SetSegment(int index, ElfSegment segment)
        {
            fixed (byte* storage = _segmentStorage)
            {
                ((ElfSegment*)storage)[index] = segment;
            }
        }

        /// <summary>Validates the file at <paramref name="file"/> of <paramref name="length"/> bytes. On success fills <paramref name="image"/>.</summary>
        public static ElfError Parse(byte* file, ulong length, out ElfImage image)
        {
            image = default;
            if (file == null || length < HeaderSize)
            {
                return ElfError.TooSmall;
            }
            if (file[0] != 0x7F || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            {
                return ElfError.BadMagic;
            }
            if (file[4] != 2)
            {
                return ElfError.NotSixtyFourBit;
            }
            if (file[5] != 1)
            {
                return ElfError.NotLittleEndian;
            }
            if (file[6] != 1 || *(uint*)(file + 20) != 1)
            {
                return ElfError.BadVersion;
            }
            if (*(ushort*)(file + 16) != 2)
            {
                return ElfError.NotExecutable;
            }
            if (*(ushort*)(file + 18) != 62)
            {
                return ElfError.WrongMachine;
            }
            ulong entry = *(ulong*)(file + 24);
            ulong programHeaderOffset = *(ulong*)(file + 32);
            ushort programHeaderEntrySize = *(ushort*)(file + 54);
            ushort programHeaderCount = *(ushort*)(file + 56);
            if (programHeaderEntrySize != ProgramHeaderSize)
            {
                return ElfError.BadProgramHeaderSize;
            }
            ulong tableSize = (ulong)programHeaderCount * ProgramHeaderSize;
            if (programHeaderOffset > length || tableSize > length - programHeaderOffset)
            {
                return ElfError.ProgramHeadersOutsideFile;
            }

            int count = 0;
            bool entryIsExecutable = false;
            for (int i = 0; i < programHeaderCount; i++)
            {
                byte* header = file + programHeaderOffset + (ulong)i * ProgramHeaderSize;
                if (*(uint*)header != LoadSegmentType)
                {
                    continue;
                }
                if (count == MaximumSegments)
                {
                    return ElfError.TooManySegments;
                }
                uint flags = *(uint*)(header + 4);
                ElfSegment segment = new ElfSegment
                {
                    FileOffset = *(ulong*)(header + 8),
                    VirtualAddress = *(ulong*)(header + 16),
                    FileSize = *(ulong*)(header + 32),
                    MemorySize = *(ulong*)(header + 40),
                    Readable = (flags & ReadableFlag) != 0,
                    Writable = (flags & WritableFlag) != 0,
                    Executable = (flags & ExecutableFlag) != 0,
                };
                if (segment.FileOffset > length || segment.FileSize > length - segment.FileOffset)
                {
                    return ElfError.SegmentOutsideFile;
                }
                if (segment.FileSize > segment.MemorySize)
                {
                    return ElfError.SegmentFileSizeExceedsMemorySize;
                }
                if (segment.VirtualAddress < UserSpaceStart || segment.VirtualAddress >= UserSpaceEnd
                    || segment.MemorySize > UserSpaceEnd - segment.VirtualAddress)
                {
                    return ElfError.SegmentOutsideUserSpace;
                }
                // File offset and address must agree modulo the page size, or the segment cannot be mapped page by page.
                if ((segment.VirtualAddress & 0xFFF) != (segment.FileOffset & 0xFFF))
                {
                    return ElfError.SegmentMisaligned;
                }
                for (int j = 0; j < count; j++)
                {
                    ElfSegment other = image.GetSegment(j);
                    ulong start = segment.VirtualAddress & ~0xFFFUL;
                    ulong end = (segment.VirtualAddress + segment.MemorySize + 0xFFF) & ~0xFFFUL;
                    ulong otherStart = other.VirtualAddress & ~0xFFFUL;
                    ulong otherEnd = (other.VirtualAddress + other.MemorySize + 0xFFF) & ~0xFFFUL;
                    if (start < otherEnd && otherStart < end)
                    {
                        return ElfError.SegmentsOverlap;
                    }
                }
                if (segment.Executable && entry >= segment.VirtualAddress && entry - segment.VirtualAddress < segment.MemorySize)
                {
                    entryIsExecutable = true;
                }
                image.SetSegment(count, segment);
                count++;
            }
            if (count == 0)
            {
                return ElfError.NoLoadableSegment;
            }
            if (!entryIsExecutable)
            {
                return ElfError.EntryNotInExecutableSegment;
            }
            image.EntryPoint = entry;
            image.SegmentCount = count;
            return ElfError.None;
        }
    }
}
