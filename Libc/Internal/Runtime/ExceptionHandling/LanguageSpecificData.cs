namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// An FDE's language-specific data as ilc writes it into .dotnet_eh_table (ilc 10, linux-x64): a flags byte
    /// (bits 0-1 <see cref="MethodCodeKind"/>, 0x04 has exception clauses, 0x08 reverse P/Invoke, 0x10 has
    /// associated data). A funclet's entry continues with a rel32 to its method's entry and the funclet's offset in
    /// the method (uint32); a method's entry with the associated-data rel32 (when flagged), the rel32 to its clause
    /// table (when flagged), then GC information, which exception dispatch does not need.
    /// </summary>
    public unsafe struct LanguageSpecificData
    {
        private const byte KindMask = 0x03;
        private const byte HasExceptionClausesFlag = 0x04;
        private const byte HasAssociatedDataFlag = 0x10;
        private const uint LargestFuncletOffset = 16 * 1024 * 1024;

        public MethodCodeKind Kind;
        /// <summary>Start of the method's main body: clause offsets count from here, for its funclets too.</summary>
        public ulong MethodStart;
        /// <summary>The method's clause table (the `__ehinfo_` blob), or null when it has no clauses.</summary>
        public byte* ClauseTable;

        /// <summary>Decodes the LSDA <paramref name="data"/> of the FDE that starts at <paramref name="codeStart"/>.</summary>
        public static UnwindError Decode(byte* data, ulong codeStart, out LanguageSpecificData result)
        {
            result = default;
            result.MethodStart = codeStart;
            if (data == null)
            {
                return UnwindError.None; // code without exception information (assembly routines have no FDE at all)
            }
            byte flags = *data;
            byte* cursor = data + 1;
            int kind = flags & KindMask;
            if (kind == 3)
            {
                return UnwindError.CorruptClauseTable;
            }
            result.Kind = (MethodCodeKind)kind;
            if (result.Kind != MethodCodeKind.Method)
            {
                byte* parent = cursor + ReadInt32(cursor);
                uint funcletOffset = (uint)ReadInt32(cursor + 4);
                if (funcletOffset == 0 || funcletOffset > LargestFuncletOffset || funcletOffset > codeStart)
                {
                    return UnwindError.CorruptClauseTable;
                }
                result.MethodStart = codeStart - funcletOffset;
                flags = *parent;
                if ((flags & KindMask) != (int)MethodCodeKind.Method)
                {
                    return UnwindError.CorruptClauseTable; // a funclet's parent must be a method body
                }
                cursor = parent + 1;
            }
            if ((flags & HasAssociatedDataFlag) != 0)
            {
                cursor += 4;
            }
            if ((flags & HasExceptionClausesFlag) != 0)
            {
                result.ClauseTable = cursor + ReadInt32(cursor);
            }
            return UnwindError.None;
        }

        private static int ReadInt32(byte* at) => at[0] | (at[1] << 8) | (at[2] << 16) | (at[3] << 24);
    }
}
