namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// A CIE of .eh_frame: what every FDE pointing at it shares (alignment factors, the return address column, the
    /// pointer encodings of its FDEs and their LSDAs, the initial call-frame instructions). ilc's images have one.
    /// </summary>
    public unsafe struct CommonInformationEntry
    {
        public byte* Address;
        public ulong CodeAlignment;
        public long DataAlignment;
        public int ReturnAddressRegister;
        public byte PointerEncoding;
        public byte LsdaEncoding;
        public bool HasAugmentationData;
        public byte* InitialInstructions;
        public byte* InitialInstructionsEnd;

        /// <summary>Parses the CIE at <paramref name="cie"/>: version 1 or 3, augmentation "z" with L, R and P only, return address column 16.</summary>
        public static UnwindError Parse(byte* cie, out CommonInformationEntry description)
        {
            description = default;
            description.Address = cie;
            description.PointerEncoding = DwarfReader.EncodingAbsolute;
            description.LsdaEncoding = DwarfReader.EncodingOmit;
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
                description.HasAugmentationData = true;
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
                            description.LsdaEncoding = reader.ReadByte();
                            break;
                        case (byte)'R':
                            description.PointerEncoding = reader.ReadByte();
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
