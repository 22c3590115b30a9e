namespace System
{
    /// <summary>Facts about the running environment that library and compiler-generated code ask for.</summary>
    public static class Environment
    {
        /// <summary>Line ends are bare line feeds (the serial console adds the carriage return).</summary>
        public const string NewLine = "\n";

        /// <summary>
        /// C# iterators compare this to decide whether GetEnumerator may reuse the iterator object. There is one
        /// managed thread identity until the kernel provides threads to this library.
        /// </summary>
        public static int CurrentManagedThreadId => 1;
    }
}
