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
        public static UnwindError Parse(byte* entry, byte* sectionStart, out FrameDescriptionEntry description)
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
            UnwindError error = ParseCommonInformation(cie, ref description, out byte pointerEncoding, out byte lsdaEncoding, out bool hasAugmentationData);
            if (error != UnwindError.None)
            {
                return error;
            }
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

        private static UnwindError ParseCommonInformation(byte* cie, ref FrameDescriptionEntry description, out byte pointerEncoding, out byte lsdaEncoding, out bool hasAugmentationData)
        {
            pointerEncoding = DwarfReader.EncodingAbsolute;
            lsdaEncoding = DwarfReader.EncodingOmit;
            hasAugmentationData = false;
            DwarfReader reader = new DwarfReader(cie, cie + 8);
            uint length = reader.ReadUInt32();
            if (length == 0 || length == 0xFFFFFFFF || length > 0x1000)
            {
                return UnwindError.CorruptEntry;
            }
            byte* end = cie + 4 + length;
            reader.End = end;
            uint id = reader.ReadUInt32();
            byte version = reader.ReadByte();
            if (id != 0 || (version != 1 && version != 3))
            {
                return UnwindError.CorruptEntry;
            }
            byte* augmentation = reader.Position;
            int augmentationLength = 0;
            while (!reader.Failed && reader.ReadByte() != 0)
            {
                augmentationLength++;
            }
            description.CodeAlignment = reader.ReadUnsignedLeb128();
            description.DataAlignment = reader.ReadSignedLeb128();
            description.ReturnAddressRegister = version == 1 ? reader.ReadByte() : (int)reader.ReadUnsignedLeb128();
            if (description.ReturnAddressRegister != UnwindRules.ReturnAddressColumn)
            {
                return UnwindError.UnsupportedRegister;
            }
            UnwindError error = UnwindError.None;
            if (augmentationLength > 0)
            {
                if (augmentation[0] != (byte)'z')
                {
                    return UnwindError.UnsupportedAugmentation;
                }
                hasAugmentationData = true;
                ulong dataLength = reader.ReadUnsignedLeb128();
                byte* dataEnd = reader.Position + dataLength;
                if (dataLength > (ulong)(end - reader.Position))
                {
                    return UnwindError.CorruptEntry;
                }
                for (int i = 1; i < augmentationLength; i++)
                {
                    switch (augmentation[i])
                    {
                        case (byte)'L':
                            lsdaEncoding = reader.ReadByte();
                            break;
                        case (byte)'R':
                            pointerEncoding = reader.ReadByte();
                            break;
                        case (byte)'P':
                            reader.ReadEncodedPointer(reader.ReadByte(), 0, ref error); // a personality routine: not used
                            break;
                        default:
                            return UnwindError.UnsupportedAugmentation;
                    }
                }
                reader.Position = dataEnd;
            }
            if (error != UnwindError.None)
            {
                return error;
            }
            if (reader.Failed || reader.Position > end)
            {
                return UnwindError.CorruptEntry;
            }
            description.InitialInstructions = reader.Position;
            description.InitialInstructionsEnd = end;
            return UnwindError.None;
        }
    }
}
