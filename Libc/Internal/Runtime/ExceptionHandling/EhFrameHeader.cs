namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The .eh_frame_hdr that `ld --eh-frame-hdr` writes: version 1, the encodings, a pointer to .eh_frame, the FDE
    /// count and a table of (initial location, FDE address) pairs sorted by location, which makes finding the FDE
    /// of a code address a binary search. ld writes the pointer pc-relative, the count as udata4 and the table
    /// data-relative (to the header) sdata4; other encodings are refused.
    /// </summary>
    public readonly unsafe struct EhFrameHeader
    {
        private const byte TableEncoding = DwarfReader.EncodingDataRelative | DwarfReader.EncodingSigned4;

        private readonly byte* _header;
        private readonly byte* _table;
        private readonly uint _count;
        // The CIE of the first FDE, parsed once (ilc's images have a single CIE); FDEs of other CIEs parse their own.
        private readonly CommonInformationEntry _firstCie;

        public byte* EhFrameStart { get; }

        private EhFrameHeader(byte* header, byte* table, uint count, byte* ehFrame, in CommonInformationEntry firstCie)
        {
            _header = header;
            _table = table;
            _count = count;
            _firstCie = firstCie;
            EhFrameStart = ehFrame;
        }

        public bool IsValid => _header != null;

        /// <summary>Reads the header at <paramref name="header"/>; an unknown version or encoding is an error.</summary>
        public static UnwindError Open(byte* header, out EhFrameHeader result)
        {
            result = default;
            if (header == null)
            {
                return UnwindError.UnsupportedHeader;
            }
            DwarfReader reader = new DwarfReader(header, header + 16);
            byte version = reader.ReadByte();
            byte frameEncoding = reader.ReadByte();
            byte countEncoding = reader.ReadByte();
            byte tableEncoding = reader.ReadByte();
            if (version != 1 || countEncoding != DwarfReader.EncodingUnsigned4 || tableEncoding != TableEncoding)
            {
                return UnwindError.UnsupportedHeader;
            }
            UnwindError error = UnwindError.None;
            ulong ehFrame = reader.ReadEncodedPointer(frameEncoding, (ulong)header, ref error);
            uint count = reader.ReadUInt32();
            if (error != UnwindError.None || reader.Failed)
            {
                return UnwindError.UnsupportedHeader;
            }
            CommonInformationEntry firstCie = default;
            if (count > 0)
            {
                // The first FDE's CIE pointer (the word after its length) leads back to the CIE.
                byte* fde = header + *(int*)(reader.Position + 4);
                byte* cie = fde + 4 - *(uint*)(fde + 4);
                if (cie < (byte*)ehFrame || cie >= fde || CommonInformationEntry.Parse(cie, out firstCie) != UnwindError.None)
                {
                    firstCie = default; // every FDE then parses its CIE, and reports what is wrong with it
                }
            }
            result = new EhFrameHeader(header, reader.Position, count, (byte*)ehFrame, in firstCie);
            return UnwindError.None;
        }

        /// <summary>The FDE whose code range holds <paramref name="address"/>; NoEntry when none does.</summary>
        public UnwindError Find(ulong address, out FrameDescriptionEntry entry)
        {
            entry = default;
            if (_count == 0)
            {
                return UnwindError.NoEntry;
            }
            // The last entry whose initial location is <= address.
            long low = 0;
            long high = (long)_count - 1;
            long found = -1;
            while (low <= high)
            {
                long middle = low + ((high - low) >> 1);
                ulong location = Location(middle);
                if (location <= address)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            if (found < 0)
            {
                return UnwindError.NoEntry;
            }
            byte* fde = _header + *(int*)(_table + found * 8 + 4);
            CommonInformationEntry knownCie = _firstCie;
            UnwindError error = FrameDescriptionEntry.Parse(fde, EhFrameStart, knownCie.Address == null ? null : &knownCie, out entry);
            if (error != UnwindError.None)
            {
                return error;
            }
            return entry.Contains(address) ? UnwindError.None : UnwindError.NoEntry;
        }

        private ulong Location(long index) => (ulong)(_header + *(int*)(_table + index * 8));
    }
}
