namespace System.Runtime
{
    /// <summary>Exports a method under a native symbol name (used for the helpers ilc's code calls).</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry)
        {
        }
    }

    /// <summary>Binds a method without a body to a native symbol (implemented in assembly or another module).</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string entry)
        {
        }

        public RuntimeImportAttribute(string dllName, string entry)
        {
        }
    }
}
