using System.Runtime;
using System.Text;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// What the C# compiler builds interpolated strings with: $"x = {x:X8}, name = {name,-10}" becomes a series
    /// of AppendLiteral/AppendFormatted calls and one ToStringAndClear. The text accumulates in a StringBuilder
    /// (which formats ISpanFormattable values in place); ToStringAndClear gives its storage back to the heap,
    /// so an interpolation leaves only the resulting string allocated.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private StringBuilder _builder;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            // A guess of the final length: the literal text plus a few characters per hole.
            _builder = new StringBuilder(literalLength + formattedCount * 11);
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider) : this(literalLength, formattedCount)
        {
        }

        public void AppendLiteral(string value) => _builder.Append(value);

        public void AppendFormatted<T>(T value) => _builder.AppendFormatted(value, 0, default);

        public void AppendFormatted<T>(T value, string format) => _builder.AppendFormatted(value, 0, format);

        public void AppendFormatted<T>(T value, int alignment) => _builder.AppendFormatted(value, alignment, default);

        public void AppendFormatted<T>(T value, int alignment, string format) => _builder.AppendFormatted(value, alignment, format);

        public void AppendFormatted(ReadOnlySpan<char> value) => _builder.Append(value);

        /// <summary>Spans have no format of their own; the format, if any, is ignored, as in .NET.</summary>
        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null)
        {
            int start = _builder.Length;
            _builder.Append(value);
            _builder.Align(start, alignment);
        }

        public void AppendFormatted(string value) => _builder.Append(value);

        public void AppendFormatted(string value, int alignment = 0, string format = null) => _builder.AppendFormatted(value, alignment, format);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => _builder.AppendFormatted(value, alignment, format);

        /// <summary>The text so far (the handler stays usable).</summary>
        public override string ToString() => _builder.ToString();

        /// <summary>The finished string; the handler's storage is released and it must not be used again.</summary>
        public string ToStringAndClear()
        {
            StringBuilder builder = _builder;
            _builder = null;
            string result = builder.ToStringAndRelease();
            StorageRelease.Release(builder);
            return result;
        }
    }
}
