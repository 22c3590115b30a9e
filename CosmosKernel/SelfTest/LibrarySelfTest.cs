namespace CosmosKernel.SelfTest
{
    /// <summary>Self-tests of the core library: strings, formatting and parsing, collections.</summary>
    internal static class LibrarySelfTest
    {
        public static void Run()
        {
        }
    }
}
