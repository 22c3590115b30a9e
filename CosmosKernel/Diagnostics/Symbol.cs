namespace CosmosKernel.Diagnostics
{
    /// <summary>One entry of the kernel symbol table: a start address, a size (0 when the assembler gave none)
    /// and the raw linker name, viewed in place in the table's text.</summary>
    internal readonly unsafe struct Symbol
    {
        public readonly ulong Address;
        public readonly ulong Size;
        public readonly byte* Name;
        public readonly int NameLength;

        public Symbol(ulong address, ulong size, byte* name, int nameLength)
        {
            Address = address;
            Size = size;
            Name = name;
            NameLength = nameLength;
        }

        /// <summary>True when the name begins with <paramref name="prefix"/>.</summary>
        public bool NameStartsWith(string prefix)
        {
            if (prefix.Length > NameLength)
            {
                return false;
            }
            for (int i = 0; i < prefix.Length; i++)
            {
                if (Name[i] != prefix[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>True when the name contains "__", ilc's separator between a type and a method name.</summary>
        public bool IsManagedMethodName
        {
            get
            {
                for (int i = 1; i + 1 < NameLength; i++)
                {
                    if (Name[i] == (byte)'_' && Name[i + 1] == (byte)'_')
                    {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
