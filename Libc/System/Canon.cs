namespace System
{
    /// <summary>Stands for any reference type in generic code that ilc compiles once for all of them.</summary>
    internal sealed class __Canon
    {
    }
}
