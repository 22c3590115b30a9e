namespace System
{
    /// <summary>Culture information for formatting. There is one culture (invariant), so providers are accepted and ignored.</summary>
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    /// <summary>Formatting with a format string ("X8", "D3", "F2"...).</summary>
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    /// <summary>Formatting straight into a caller's buffer, so string interpolation and StringBuilder need no temporary strings.</summary>
    public interface ISpanFormattable : IFormattable
    {
        /// <summary>False (and nothing useful written) when <paramref name="destination"/> is too small.</summary>
        bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider);
    }
}
