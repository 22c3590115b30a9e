namespace CosmosKernel.SelfTest
{
    /// <summary>Self-tests of the core runtime: virtual and interface dispatch, generics, delegates,
    /// static constructors, allocation and freeing.</summary>
    internal static class RuntimeSelfTest
    {
        public static void Run()
        {
        }
    }
}
