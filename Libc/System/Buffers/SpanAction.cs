namespace System.Buffers
{
    /// <summary>Writes into a span with some state (string.Create).</summary>
    public delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);

    /// <summary>Reads a span with some state.</summary>
    public delegate void ReadOnlySpanAction<T, in TArg>(ReadOnlySpan<T> span, TArg arg);
}
