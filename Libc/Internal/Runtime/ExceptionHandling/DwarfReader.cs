namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// A bounded cursor over DWARF-encoded bytes (.eh_frame, .eh_frame_hdr): unsigned and signed LEB128 and the
    /// DW_EH_PE pointer encodings ilc and ld emit. Every read checks the end; a read past it sets <see cref="Failed"/>
    /// and returns 0, so a corrupt entry ends as an error rather than a wild read or a hang.
    /// </summary>
    public unsafe struct DwarfReader
    {
        // DW_EH_PE value formats (low nibble) and applications (high bits).
        public const byte EncodingAbsolute = 0x00;
        public const byte EncodingUnsigned4 = 0x03;
        public const byte EncodingUnsigned8 = 0x04;
        public const byte EncodingSigned4 = 0x0B;
        public const byte EncodingSigned8 = 0x0C;
        public const byte EncodingPcRelative = 0x10;
        public const byte EncodingDataRelative = 0x30;
        public const byte EncodingOmit = 0xFF;

        public byte* Position;
        public byte* End;
        public bool Failed;

        public DwarfReader(byte* start, byte* end)
        {
            Position = start;
            End = end;
            Failed = start > end;
        }

        public bool AtEnd => Position >= End;

        public byte ReadByte()
        {
            if (!Has(1))
            {
                return 0;
            }
            return *Position++;
        }

        public ushort ReadUInt16()
        {
            if (!Has(2))
            {
                return 0;
            }
            ushort value = (ushort)(Position[0] | (Position[1] << 8));
            Position += 2;
            return value;
        }

        public uint ReadUInt32()
        {
            if (!Has(4))
            {
                return 0;
            }
            uint value = (uint)(Position[0] | (Position[1] << 8) | (Position[2] << 16) | (Position[3] << 24));
            Position += 4;
            return value;
        }

        public ulong ReadUInt64()
        {
            ulong low = ReadUInt32();
            ulong high = ReadUInt32();
            return low | (high << 32);
        }

        public ulong ReadUnsignedLeb128()
        {
            ulong result = 0;
            int shift = 0;
            while (true)
            {
                if (!Has(1))
                {
                    return 0;
                }
                byte value = *Position++;
                if (shift < 64)
                {
                    result |= (ulong)(value & 0x7F) << shift;
                }
                shift += 7;
                if ((value & 0x80) == 0)
                {
                    return result;
                }
            }
        }

        public long ReadSignedLeb128()
        {
            long result = 0;
            int shift = 0;
            byte value;
            do
            {
                if (!Has(1))
                {
                    return 0;
                }
                value = *Position++;
                if (shift < 64)
                {
                    result |= (long)(value & 0x7F) << shift;
                }
                shift += 7;
            }
            while ((value & 0x80) != 0);
            if (shift < 64 && (value & 0x40) != 0)
            {
                result |= -1L << shift;
            }
            return result;
        }

        /// <summary>
        /// Reads a pointer in DW_EH_PE <paramref name="encoding"/>. pc-relative values are relative to the field itself,
        /// data-relative ones to <paramref name="dataBase"/>. An unsupported encoding sets <paramref name="error"/>.
        /// </summary>
        public ulong ReadEncodedPointer(byte encoding, ulong dataBase, ref UnwindError error)
        {
            ulong fieldAddress = (ulong)Position;
            ulong value;
            switch (encoding & 0x0F)
            {
                case EncodingAbsolute:
                case EncodingUnsigned8:
                case EncodingSigned8:
                    value = ReadUInt64();
                    break;
                case EncodingUnsigned4:
                    value = ReadUInt32();
                    break;
                case EncodingSigned4:
                    value = (ulong)(long)(int)ReadUInt32();
                    break;
                default:
                    error = UnwindError.UnsupportedEncoding;
                    return 0;
            }
            switch (encoding & 0x70)
            {
                case 0:
                    return value;
                case EncodingPcRelative:
                    return fieldAddress + value;
                case EncodingDataRelative:
                    return dataBase + value;
                default:
                    error = UnwindError.UnsupportedEncoding;
                    return 0;
            }
        }

        private bool Has(long count)
        {
            if (Failed || End - Position < count)
            {
                Failed = true;
                return false;
            }
            return true;
        }
    }
}
