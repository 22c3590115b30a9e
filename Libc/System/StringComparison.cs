namespace System
{
    /// <summary>
    /// How strings compare. There are no cultures in this system: the culture kinds behave as Ordinal, and every
    /// IgnoreCase kind folds case with the Latin-1 rules of char.ToUpperInvariant.
    /// </summary>
    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5,
    }

    /// <summary>What string.Split does with the pieces.</summary>
    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1,
        TrimEntries = 2,
    }
}
