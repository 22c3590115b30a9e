namespace CosmosKernel.Diagnostics
{
    /// <summary>Why a symbol table was rejected (None: it was not).</summary>
    internal enum SymbolTableError
    {
        None,
        /// <summary>No symbols at all.</summary>
        Empty,
        /// <summary>A line is not "address size name" with hexadecimal numbers.</summary>
        MalformedLine,
        /// <summary>A line's address is below the previous line's: binary search would give wrong answers.</summary>
        NotSorted,
    }
}
