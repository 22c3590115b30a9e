namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>Why a code address could not be unwound or its exception clauses read. None means success.</summary>
    public enum UnwindError
    {
        None,
        /// <summary>No FDE covers the address: the end of the managed stack, or code without unwind information.</summary>
        NoEntry,
        /// <summary>The .eh_frame_hdr has a version or pointer encoding this reader does not handle.</summary>
        UnsupportedHeader,
        /// <summary>A CIE or FDE is malformed (bad length, CIE id, version, or a pointer outside its entry).</summary>
        CorruptEntry,
        /// <summary>A CIE augmentation other than z, L, R and P.</summary>
        UnsupportedAugmentation,
        /// <summary>A pointer encoding other than absolute, udata4, sdata4 or udata8 (optionally pc-relative).</summary>
        UnsupportedEncoding,
        /// <summary>A DWARF call-frame instruction this interpreter does not know (expressions, register rules).</summary>
        UnknownInstruction,
        /// <summary>The CFA is not computed from rsp or rbp, or a register number is beyond the return address column.</summary>
        UnsupportedRegister,
        /// <summary>remember_state nested deeper than the interpreter's state stack, or restore_state without one.</summary>
        StateStackOverflow,
        /// <summary>The .dotnet_eh_table entry (LSDA) or clause table is malformed.</summary>
        CorruptClauseTable,
        /// <summary>The unwound stack pointer did not move up, moved implausibly far, or too many frames were walked.</summary>
        CorruptStack,
    }

    /// <summary>Texts for <see cref="UnwindError"/> in reports.</summary>
    public static class UnwindErrorText
    {
        public static string Describe(UnwindError error)
        {
            switch (error)
            {
                case UnwindError.None: return "no error";
                case UnwindError.NoEntry: return "no unwind information for the address";
                case UnwindError.UnsupportedHeader: return "unsupported .eh_frame_hdr";
                case UnwindError.CorruptEntry: return "corrupt .eh_frame entry";
                case UnwindError.UnsupportedAugmentation: return "unsupported CIE augmentation";
                case UnwindError.UnsupportedEncoding: return "unsupported DWARF pointer encoding";
                case UnwindError.UnknownInstruction: return "unknown DWARF call-frame instruction";
                case UnwindError.UnsupportedRegister: return "unsupported CFA register";
                case UnwindError.StateStackOverflow: return "CFI remember/restore state unbalanced";
                case UnwindError.CorruptClauseTable: return "corrupt exception clause table";
                case UnwindError.CorruptStack: return "corrupt stack (frames do not move up)";
                default: return "unknown unwind error";
            }
        }
    }
}
