using System;

namespace Internal.Runtime
{
    /// <summary>Names types for error reports. The environment installs a lookup over its symbol table
    /// (ilc names a type's MethodTable symbol after the type); without one, a type is named by address.</summary>
    public static unsafe class TypeNames
    {
        private static delegate*<MethodTable*, string> s_lookup;

        public static void SetLookup(delegate*<MethodTable*, string> lookup)
        {
            s_lookup = lookup;
        }

        public static string NameOf(MethodTable* type)
        {
            if (s_lookup != null)
            {
                string name = s_lookup(type);
                if (name != null)
                {
                    return name;
                }
            }
            return "type@" + Internal.Formatting.NumberFormatting.FormatHex((ulong)type, 16);
        }
    }
}
