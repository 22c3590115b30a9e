namespace System.Globalization
{
    /// <summary>
    /// The one culture this system has: invariant (period decimal point, comma thousands separator, ordinal
    /// string comparison). It exists so code written as `x.ToString(CultureInfo.InvariantCulture)` compiles.
    /// </summary>
    public sealed class CultureInfo : IFormatProvider
    {
        private static CultureInfo s_invariant;

        private CultureInfo()
        {
        }

        public static CultureInfo InvariantCulture => s_invariant ??= new CultureInfo();

        public static CultureInfo CurrentCulture => InvariantCulture;

        public string Name => "";

        public object GetFormat(Type formatType) => null;
    }
}
