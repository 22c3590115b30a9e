namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The unwind rules in force at one code address, as the DWARF call-frame instructions leave them: the CFA
    /// (canonical frame address: the caller's rsp after the return) as a register plus an offset, and for every register
    /// whether it is unchanged in the caller or saved at CFA + offset. DWARF x86-64 numbering: 0 rax, 1 rdx, 2 rcx,
    /// 3 rbx, 4 rsi, 5 rdi, 6 rbp, 7 rsp, 8-15 r8-r15, 16 the return address.
    /// </summary>
    public unsafe struct UnwindRules
    {
        public const int RegisterRbx = 3;
        public const int RegisterRbp = 6;
        public const int RegisterRsp = 7;
        public const int RegisterR12 = 12;
        public const int RegisterR15 = 15;
        public const int ReturnAddressColumn = 16;
        public const int ColumnCount = 17;

        public const byte RuleSameValue = 0;
        public const byte RuleSavedAtOffset = 1;
        public const byte RuleUndefined = 2;

        public int CfaRegister;
        public long CfaOffset;
        public fixed byte Rule[ColumnCount];
        public fixed long SavedOffset[ColumnCount];

        /// <summary>Where register <paramref name="column"/> of the caller is saved, relative to the CFA; false when it is not saved.</summary>
        public bool TryGetSavedOffset(int column, out long offset)
        {
            offset = SavedOffset[column];
            return Rule[column] == RuleSavedAtOffset;
        }
    }
}
