using CosmosKernel.Memory;

namespace CosmosKernel.Boot
{
    /// <summary>
    /// What the multiboot2 boot loader told the kernel, parsed and validated into a fixed-size value (there is
    /// no heap yet): the memory map, command line, boot modules, framebuffer and ACPI RSDP. Strings and the
    /// RSDP are not copied; their physical addresses are kept and read through a
    /// <see cref="PhysicalMemoryWindow"/>. The parser reads only the bytes it is given and checks every size
    /// before using it, so malformed input yields an error instead of a wild read. Pure logic: compiled into
    /// the host tests.
    ///
    /// Layout (multiboot2 specification): u32 total size, u32 reserved, then tags, each 8-byte aligned:
    /// u32 type, u32 size (including this header), payload. Type 0 with size 8 ends the list.
    /// </summary>
    internal unsafe struct MultibootInformation
    {
        public const int ModuleCapacity = 64;
        private const int HeaderSize = 8;
        private const int TagHeaderSize = 8;

        private const uint TagEnd = 0;
        private const uint TagCommandLine = 1;
        private const uint TagModule = 3;
        private const uint TagMemoryMap = 6;
        private const uint TagFramebuffer = 8;
        private const uint TagAcpiOldRsdp = 14;
        private const uint TagAcpiNewRsdp = 15;

        private const uint ModuleTagMinimumSize = TagHeaderSize + 8 + 1;
        private const uint MemoryMapTagMinimumSize = TagHeaderSize + 8;
        private const uint MemoryMapEntryMinimumSize = 24;
        private const uint FramebufferTagMinimumSize = TagHeaderSize + 22;
        private const uint FramebufferColorTagMinimumSize = TagHeaderSize + 30;
        private const byte FramebufferTypeDirectRgb = 1;
        private const uint OldRsdpSize = 20;
        private const uint NewRsdpMinimumSize = 36;

        /// <summary>The firmware's memory map as the boot loader reported it.</summary>
        public MemoryMap MemoryMap;

        private PhysicalAddress _physicalAddress;
        private uint _totalSize;
        private uint _commandLineOffset;        // 0: no command line tag
        private int _commandLineLength;
        private int _moduleCount;
        private fixed uint _moduleStarts[ModuleCapacity];
        private fixed uint _moduleEnds[ModuleCapacity];
        private fixed uint _moduleStringOffsets[ModuleCapacity];
        private fixed int _moduleStringLengths[ModuleCapacity];
        private bool _hasFramebuffer;
        private FramebufferInfo _framebuffer;
        private uint _oldRsdpOffset;            // 0: no tag
        private uint _newRsdpOffset;            // 0: no tag
        private uint _newRsdpLength;

        /// <summary>
        /// Parses the information at <paramref name="information"/>, which lies at physical address
        /// <paramref name="physicalAddress"/>. At most <paramref name="bytesAvailable"/> bytes are read (the
        /// caller's bound on a plausible size). Returns a result whose Error is None, or the first problem and
        /// the offset and type of the tag where it was found; on an error <paramref name="parsed"/> holds what
        /// was parsed before it.
        /// </summary>
        public static MultibootParseResult Parse(byte* information, ulong bytesAvailable, PhysicalAddress physicalAddress, out MultibootInformation parsed)
        {
            parsed = default;
            parsed._physicalAddress = physicalAddress;
            if (bytesAvailable < HeaderSize + TagHeaderSize)
            {
                return MultibootParseResult.Failure(MultibootParseError.TotalSizeTooSmall, 0, 0);
            }
            uint totalSize = ReadUInt32(information, 0);
            if (totalSize < HeaderSize + TagHeaderSize)
            {
                return MultibootParseResult.Failure(MultibootParseError.TotalSizeTooSmall, 0, 0);
            }
            if (totalSize > bytesAvailable)
            {
                return MultibootParseResult.Failure(MultibootParseError.TotalSizeTooLarge, 0, 0);
            }
            parsed._totalSize = totalSize;

            uint offset = HeaderSize;
            while (true)
            {
                if (offset > totalSize || totalSize - offset < TagHeaderSize)
                {
                    return MultibootParseResult.Failure(offset >= totalSize ? MultibootParseError.MissingEndTag : MultibootParseError.TagHeaderTruncated, offset, 0);
                }
                uint type = ReadUInt32(information, offset);
                uint size = ReadUInt32(information, offset + 4);
                if (size < TagHeaderSize)
                {
                    return MultibootParseResult.Failure(MultibootParseError.TagSizeTooSmall, offset, type);
                }
                if (size > totalSize - offset)
                {
                    return MultibootParseResult.Failure(MultibootParseError.TagOverrunsInformation, offset, type);
                }
                if (type == TagEnd)
                {
                    return MultibootParseResult.Success;
                }
                MultibootParseError error = parsed.ParseTag(information, offset, type, size);
                if (error != MultibootParseError.None)
                {
                    return MultibootParseResult.Failure(error, offset, type);
                }
                // Tags start 8-byte aligned; a size that is not a multiple of 8 is followed by padding.
                uint advance = (size + 7) & ~7u;
                if (advance > totalSize - offset)
                {
                    return MultibootParseResult.Failure(MultibootParseError.MissingEndTag, offset, type);
                }
                offset += advance;
            }
        }

        /// <summary>Where the information itself lies (the kernel keeps these bytes reserved).</summary>
        public readonly PhysicalRange Range => PhysicalRange.FromLength(_physicalAddress, _totalSize);

        public readonly bool HasCommandLine => _commandLineOffset != 0;

        /// <summary>The command line (empty when there is none), read through <paramref name="window"/>.</summary>
        public readonly BootString GetCommandLine(PhysicalMemoryWindow window)
        {
            if (_commandLineOffset == 0)
            {
                return new BootString(null, 0);
            }
            return new BootString(window.ToPointer(_physicalAddress.Add(_commandLineOffset)), _commandLineLength);
        }

        public readonly int ModuleCount => _moduleCount;

        /// <summary>The module at <paramref name="index"/>. Precondition: 0 &lt;= index &lt; ModuleCount.</summary>
        public readonly BootModule GetModule(int index)
        {
            PhysicalRange range = new PhysicalRange(new PhysicalAddress(_moduleStarts[index]), new PhysicalAddress(_moduleEnds[index]));
            return new BootModule(range, _physicalAddress.Add(_moduleStringOffsets[index]), _moduleStringLengths[index]);
        }

        /// <summary>The string of module <paramref name="index"/>, read through <paramref name="window"/>.</summary>
        public readonly BootString GetModuleString(int index, PhysicalMemoryWindow window)
        {
            return new BootString(window.ToPointer(_physicalAddress.Add(_moduleStringOffsets[index])), _moduleStringLengths[index]);
        }

        /// <summary>The index of the first module whose string is <paramref name="name"/>, or -1 when none is.</summary>
        public readonly int FindModule(string name, PhysicalMemoryWindow window)
        {
            for (int i = 0; i < _moduleCount; i++)
            {
                if (GetModuleString(i, window).EqualsText(name))
                {
                    return i;
                }
            }
            return -1;
        }

        public readonly bool HasFramebuffer => _hasFramebuffer;

        public readonly FramebufferInfo Framebuffer => _framebuffer;

        /// <summary>True when the boot loader passed a copy of the ACPI RSDP (either version).</summary>
        public readonly bool HasRsdp => _oldRsdpOffset != 0 || _newRsdpOffset != 0;

        /// <summary>The physical address of the boot loader's copy of the RSDP, preferring the ACPI 2.0+ one. Null when none.</summary>
        public readonly PhysicalAddress RsdpAddress
        {
            get
            {
                if (_newRsdpOffset != 0)
                {
                    return _physicalAddress.Add(_newRsdpOffset);
                }
                return _oldRsdpOffset != 0 ? _physicalAddress.Add(_oldRsdpOffset) : PhysicalAddress.Null;
            }
        }

        /// <summary>The number of RSDP bytes available at <see cref="RsdpAddress"/>.</summary>
        public readonly uint RsdpLength => _newRsdpOffset != 0 ? _newRsdpLength : _oldRsdpOffset != 0 ? OldRsdpSize : 0;

        // Records one tag whose header has been validated (size >= 8 and inside the information).
        private MultibootParseError ParseTag(byte* information, uint offset, uint type, uint size)
        {
            switch (type)
            {
                case TagCommandLine:
                {
                    int length = StringLength(information + offset + TagHeaderSize, size - TagHeaderSize);
                    if (length < 0)
                    {
                        return MultibootParseError.StringNotTerminated;
                    }
                    _commandLineOffset = offset + TagHeaderSize;
                    _commandLineLength = length;
                    return MultibootParseError.None;
                }
                case TagModule:
                {
                    if (size < ModuleTagMinimumSize)
                    {
                        return MultibootParseError.TagSizeTooSmall;
                    }
                    if (_moduleCount >= ModuleCapacity)
                    {
                        return MultibootParseError.TooManyModules;
                    }
                    uint start = ReadUInt32(information, offset + 8);
                    uint end = ReadUInt32(information, offset + 12);
                    if (end < start)
                    {
                        return MultibootParseError.ModuleRangeInvalid;
                    }
                    int length = StringLength(information + offset + 16, size - 16);
                    if (length < 0)
                    {
                        return MultibootParseError.StringNotTerminated;
                    }
                    _moduleStarts[_moduleCount] = start;
                    _moduleEnds[_moduleCount] = end;
                    _moduleStringOffsets[_moduleCount] = offset + 16;
                    _moduleStringLengths[_moduleCount] = length;
                    _moduleCount++;
                    return MultibootParseError.None;
                }
                case TagMemoryMap:
                    return ParseMemoryMap(information, offset, size);
                case TagFramebuffer:
                {
                    if (size < FramebufferTagMinimumSize)
                    {
                        return MultibootParseError.TagSizeTooSmall;
                    }
                    byte framebufferType = information[offset + 29];
                    // A direct-RGB tag goes on after a 16-bit reserved field with each colour's field position and size.
                    bool hasColorFields = framebufferType == FramebufferTypeDirectRgb && size >= FramebufferColorTagMinimumSize;
                    _framebuffer = new FramebufferInfo(
                        new PhysicalAddress(ReadUInt64(information, offset + 8)),
                        ReadUInt32(information, offset + 16),
                        ReadUInt32(information, offset + 20),
                        ReadUInt32(information, offset + 24),
                        information[offset + 28],
                        framebufferType,
                        hasColorFields ? information[offset + 32] : (byte)0,
                        hasColorFields ? information[offset + 33] : (byte)0,
                        hasColorFields ? information[offset + 34] : (byte)0,
                        hasColorFields ? information[offset + 35] : (byte)0,
                        hasColorFields ? information[offset + 36] : (byte)0,
                        hasColorFields ? information[offset + 37] : (byte)0);
                    _hasFramebuffer = true;
                    return MultibootParseError.None;
                }
                case TagAcpiOldRsdp:
                    if (size < TagHeaderSize + OldRsdpSize)
                    {
                        return MultibootParseError.TagSizeTooSmall;
                    }
                    _oldRsdpOffset = offset + TagHeaderSize;
                    return MultibootParseError.None;
                case TagAcpiNewRsdp:
                    if (size < TagHeaderSize + NewRsdpMinimumSize)
                    {
                        return MultibootParseError.TagSizeTooSmall;
                    }
                    _newRsdpOffset = offset + TagHeaderSize;
                    _newRsdpLength = size - TagHeaderSize;
                    return MultibootParseError.None;
                default:
                    return MultibootParseError.None; // tags the kernel does not need are skipped
            }
        }

        // Memory map tag: u32 entry size, u32 entry version, then entries of u64 base, u64 length, u32 type, u32 reserved.
        private MultibootParseError ParseMemoryMap(byte* information, uint offset, uint size)
        {
            if (size < MemoryMapTagMinimumSize)
            {
                return MultibootParseError.TagSizeTooSmall;
            }
            uint entrySize = ReadUInt32(information, offset + 8);
            if (entrySize < MemoryMapEntryMinimumSize || (entrySize & 7) != 0)
            {
                return MultibootParseError.MemoryMapEntrySizeInvalid;
            }
            uint entriesBytes = size - MemoryMapTagMinimumSize;
            if (entriesBytes % entrySize != 0)
            {
                return MultibootParseError.MemoryMapSizeMismatch;
            }
            MemoryMap = default; // a second memory map tag replaces the first
            for (uint entry = offset + MemoryMapTagMinimumSize; entry < offset + size; entry += entrySize)
            {
                ulong start = ReadUInt64(information, entry);
                ulong length = ReadUInt64(information, entry + 8);
                uint kind = ReadUInt32(information, entry + 16);
                if (!MemoryMap.Add(new MemoryRegion(new PhysicalAddress(start), length, (MemoryRegionKind)kind)))
                {
                    return MultibootParseError.TooManyMemoryRegions;
                }
            }
            return MultibootParseError.None;
        }

        // Length of the NUL-terminated string in the first `limit` bytes, or -1 when no NUL is there.
        private static int StringLength(byte* text, uint limit)
        {
            for (uint i = 0; i < limit; i++)
            {
                if (text[i] == 0)
                {
                    return (int)i;
                }
            }
            return -1;
        }

        private static uint ReadUInt32(byte* bytes, uint offset) => *(uint*)(bytes + offset);

        private static ulong ReadUInt64(byte* bytes, uint offset) => *(ulong*)(bytes + offset);
    }
}
