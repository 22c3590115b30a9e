namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>What a funclet runs for.</summary>
    internal enum FuncletKind
    {
        Catch,
        Finally,
        Filter,
    }

    /// <summary>
    /// A funclet call in progress, on the dispatcher's stack; exception_call_funclet leaves its address where the
    /// stack walker finds it. An exception that leaves the funclet continues its search in the method's frame after
    /// this clause (NativeAOT's rule: never in this clause or one protecting the same try region); one that leaves a
    /// filter is swallowed there and the filter counts as false. `throw;` finds the exception it rethrows here.
    /// </summary>
    internal unsafe struct FuncletInvocation
    {
        public RegisterContext Frame;
        public bool FrameIsFaulting;
        public FuncletKind Kind;
        public int ClauseIndex;
        public ExceptionClause Clause;
        /// <summary>The exception object, as an address (the struct is unmanaged); kept alive by the dispatcher's locals.</summary>
        public nint Exception;
    }
}
