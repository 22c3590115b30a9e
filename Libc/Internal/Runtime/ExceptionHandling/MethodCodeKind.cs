namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>What an FDE's code is, from the low two bits of its .dotnet_eh_table flags.</summary>
    public enum MethodCodeKind
    {
        /// <summary>A method's main body.</summary>
        Method = 0,
        /// <summary>A catch, finally or fault funclet of a method.</summary>
        Handler = 1,
        /// <summary>A filter funclet (`when`) of a method.</summary>
        Filter = 2,
    }
}
