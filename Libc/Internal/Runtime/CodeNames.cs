namespace Internal.Runtime
{
    /// <summary>Names code addresses for stack traces. The environment installs a lookup over its symbol table (the
    /// kernel's "symbols" module, a program's embedded table); without one, addresses are printed in hex.</summary>
    public static unsafe class CodeNames
    {
        private static delegate*<ulong, string> s_lookup;

        public static void SetLookup(delegate*<ulong, string> lookup)
        {
            s_lookup = lookup;
        }

        /// <summary>"Namespace.Type.Method+0xOFFSET" for a code address, or "0xADDRESS" when it has no symbol.</summary>
        public static string Describe(ulong address)
        {
            if (s_lookup != null)
            {
                string name = s_lookup(address);
                if (name != null)
                {
                    return name;
                }
            }
            return "0x" + Internal.Formatting.NumberFormatting.FormatHex(address, 1, false);
        }
    }
}
