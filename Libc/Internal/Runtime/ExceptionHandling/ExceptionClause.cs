namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>The kinds of clause in ilc's tables. A C# finally is a fault clause (its normal-path copy is inlined).</summary>
    public enum ExceptionClauseKind
    {
        Typed = 0,
        Fault = 1,
        Filter = 2,
    }

    /// <summary>One exception clause of a method: offsets count from the method's main body start.</summary>
    public struct ExceptionClause
    {
        public uint TryStart;
        public uint TryEnd;
        public ExceptionClauseKind Kind;
        public uint HandlerOffset;
        /// <summary>Filter clauses: the filter funclet's offset.</summary>
        public uint FilterOffset;
        /// <summary>Typed clauses: the MethodTable of the caught type.</summary>
        public nint CatchType;

        /// <summary>Whether <paramref name="offset"/> (a faulting instruction, or a call's last byte) is inside the protected region.</summary>
        public bool TryContains(ulong offset) => offset >= TryStart && offset < TryEnd;

        public bool HasSameTryRegion(in ExceptionClause other) => TryStart == other.TryStart && TryEnd == other.TryEnd;
    }
}
