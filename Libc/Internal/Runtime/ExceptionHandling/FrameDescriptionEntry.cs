namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// One FDE of .eh_frame with what its CIE contributes: the code range it describes, the language-specific data
    /// pointer (ilc: the method's entry in .dotnet_eh_table) and the two runs of call-frame instructions (the CIE's
    /// initial ones, then the FDE's). Parsed from the bytes by <see cref="Parse"/>; nothing is read outside the entry.
    /// </summary>
    public unsafe struct FrameDescriptionEntry
    {
        public ulong FunctionStart;
        public ulong FunctionEnd;
        /// <summary>The LSDA (null when the FDE has none).</summary>
        public byte* LanguageSpecificData;
        public ulong CodeAlignment;
        public long DataAlignment;
        public int ReturnAddressRegister;
        public byte* InitialInstructions;
        public byte* InitialInstructionsEnd;
        public byte* Instructions;
        public byte* InstructionsEnd;

        public bool Contains(ulong address) => address >= FunctionStart && address < FunctionEnd;

        /// <summary>
        /// Parses the FDE at <paramref name="entry"/> and its CIE. <paramref name="sectionStart"/> is the start of
        /// .eh_frame: the CIE pointer must not lead before it.
        /// </summary>
        public static UnwindError Parse(byte* entry, byte* sectionStart, out FrameDescriptionEntry description) => Parse(entry, sectionStart, null, out description);

        /// <summary>As <see cref="Parse(byte*, byte*, out FrameDescriptionEntry)"/>, taking the CIE from <paramref name="knownCie"/>
        /// when the FDE points at that one (an image has one CIE: .eh_frame_hdr parses it once).</summary>
        public static UnwindError Parse(byte* entry, byte* sectionStart, CommonInformationEntry* knownCie, out FrameDescriptionEntry description)
        {
            description = default;
            DwarfReader reader = new DwarfReader(entry, entry + 8);
            uint length = reader.ReadUInt32();
            if (length == 0 || length == 0xFFFFFFFF || length > 0x10000)
            {
                return UnwindError.CorruptEntry; // 0 is a terminator; 64-bit lengths are never emitted for code this size
            }
            byte* end = entry + 4 + length;
            reader.End = end;
            byte* cieField = reader.Position;
            uint ciePointer = reader.ReadUInt32();
            if (ciePointer == 0 || reader.Failed)
            {
                return UnwindError.CorruptEntry; // an id of 0 marks a CIE, not an FDE
            }
            byte* cie = cieField - ciePointer;
            if (cie < sectionStart || cie >= entry)
            {
                return UnwindError.CorruptEntry;
            }
            CommonInformationEntry common;
            UnwindError error = UnwindError.None;
            if (knownCie != null && knownCie->Address == cie)
            {
                common = *knownCie;
            }
            else
            {
                error = CommonInformationEntry.Parse(cie, out common);
                if (error != UnwindError.None)
                {
                    return error;
                }
            }
            description.CodeAlignment = common.CodeAlignment;
            description.DataAlignment = common.DataAlignment;
            description.ReturnAddressRegister = common.ReturnAddressRegister;
            description.InitialInstructions = common.InitialInstructions;
            description.InitialInstructionsEnd = common.InitialInstructionsEnd;
            byte pointerEncoding = common.PointerEncoding;
            byte lsdaEncoding = common.LsdaEncoding;
            bool hasAugmentationData = common.HasAugmentationData;
            description.FunctionStart = reader.ReadEncodedPointer(pointerEncoding, 0, ref error);
            ulong range = reader.ReadEncodedPointer((byte)(pointerEncoding & 0x0F), 0, ref error);
            description.FunctionEnd = description.FunctionStart + range;
            if (hasAugmentationData)
            {
                ulong augmentationLength = reader.ReadUnsignedLeb128();
                byte* augmentationEnd = reader.Position + augmentationLength;
                if (augmentationLength > (ulong)(end - reader.Position))
                {
                    return UnwindError.CorruptEntry;
                }
                if (lsdaEncoding != DwarfReader.EncodingOmit)
                {
                    description.LanguageSpecificData = (byte*)reader.ReadEncodedPointer(lsdaEncoding, 0, ref error);
                }
                reader.Position = augmentationEnd;
            }
            if (error != UnwindError.None)
            {
                return error;
            }
            if (reader.Failed || reader.Position > end)
            {
                return UnwindError.CorruptEntry;
            }
            description.Instructions = reader.Position;
            description.InstructionsEnd = end;
            return UnwindError.None;
        }
    }
}
