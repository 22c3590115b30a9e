using CosmosKernel.Boot;
using CosmosKernel.Console;
using CosmosKernel.Memory;
using Internal.Runtime;

namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// The kernel's own symbol table (the "symbols" boot module), used to name code addresses in panics and
    /// types in runtime error reports. Loaded as soon as the boot modules are known; until then, and if the
    /// module is missing or malformed, addresses are printed without names.
    /// </summary>
    internal static unsafe class KernelSymbols
    {
        public const string ModuleName = "symbols";
        private const int NameBufferLength = 256;

        private static SymbolTable s_table;
        private static bool s_loaded;

        public static bool IsLoaded => s_loaded;

        /// <summary>
        /// Takes the "symbols" module of <paramref name="information"/>, read through <paramref name="window"/>,
        /// as the symbol table if it validates. Returns None and the symbol count, or why it was not used
        /// (Empty also when there is no such module).
        /// </summary>
        public static SymbolTableError Load(in MultibootInformation information, PhysicalMemoryWindow window, out int symbolCount)
        {
            symbolCount = 0;
            int index = information.FindModule(ModuleName, window);
            if (index < 0)
            {
                return SymbolTableError.Empty;
            }
            PhysicalRange range = information.GetModule(index).Range;
            if (range.Length > int.MaxValue || !window.Contains(range.Start, range.Length))
            {
                return SymbolTableError.MalformedLine;
            }
            SymbolTable table = new SymbolTable(window.ToPointer(range.Start), (int)range.Length);
            SymbolTableError error = table.Validate(out symbolCount, out int badLine);
            if (error != SymbolTableError.None)
            {
                symbolCount = badLine;
                return error;
            }
            s_table = table;
            s_loaded = true;
            return SymbolTableError.None;
        }

        /// <summary>Writes "Namespace.Type.Method+0xoffset" for a code address, or nothing when it has no symbol. Returns whether it wrote.</summary>
        public static bool WriteLocation(ulong address) => s_loaded && WriteLocation(in s_table, address);

        /// <summary>As <see cref="WriteLocation(ulong)"/> with another symbol table (a ring-3 program's); <paramref name="prefix"/> is written first when a name follows.</summary>
        public static bool WriteLocation(in SymbolTable table, ulong address, string prefix = "")
        {
            if (!table.TryFindContaining(address, out Symbol symbol))
            {
                return false;
            }
            SerialPort.Write(prefix);
            char* buffer = stackalloc char[NameBufferLength];
            int length = SymbolNameFormatter.FormatMethodName(symbol.Name, symbol.NameLength, buffer, NameBufferLength);
            for (int i = 0; i < length; i++)
            {
                SerialPort.WriteByte((byte)buffer[i]);
            }
            ulong offset = address - symbol.Address;
            if (offset != 0)
            {
                SerialPort.WriteByte((byte)'+');
                KernelLog.WriteHex(offset, 1);
            }
            return true;
        }

        /// <summary>Writes the name of the type whose MethodTable is at <paramref name="type"/>. Returns whether it found one.</summary>
        public static bool WriteTypeName(void* type)
        {
            if (!s_loaded || !s_table.TryFindExact((ulong)type, "_ZTV", out Symbol symbol))
            {
                return false;
            }
            char* buffer = stackalloc char[NameBufferLength];
            int length = SymbolNameFormatter.FormatTypeName(symbol.Name, symbol.NameLength, buffer, NameBufferLength);
            for (int i = 0; i < length; i++)
            {
                SerialPort.WriteByte((byte)buffer[i]);
            }
            return true;
        }

        /// <summary>
        /// The lookup installed with TypeNames.SetLookup: the C# name of a type, or null when the table has no
        /// MethodTable symbol at that address. Allocates the string (only called once the heap works).
        /// </summary>
        public static string NameOfType(MethodTable* type)
        {
            if (!s_loaded || !s_table.TryFindExact((ulong)type, "_ZTV", out Symbol symbol))
            {
                return null;
            }
            char* buffer = stackalloc char[NameBufferLength];
            int length = SymbolNameFormatter.FormatTypeName(symbol.Name, symbol.NameLength, buffer, NameBufferLength);
            return new string(buffer, 0, length);
        }

        /// <summary>
        /// The lookup installed with CodeNames.SetLookup (for Exception.StackTrace): "Namespace.Type.Method+0xOFFSET" for a
        /// kernel code address, or null when the table has no symbol there. Allocates the string.
        /// </summary>
        public static string NameOfCode(ulong address)
        {
            if (!s_loaded || !s_table.TryFindContaining(address, out Symbol symbol))
            {
                return null;
            }
            char* buffer = stackalloc char[NameBufferLength];
            int length = SymbolNameFormatter.FormatMethodName(symbol.Name, symbol.NameLength, buffer, NameBufferLength);
            string name = new string(buffer, 0, length);
            ulong offset = address - symbol.Address;
            return offset == 0 ? name : string.Concat(name, "+0x", Internal.Formatting.NumberFormatting.FormatHex(offset, 1, false));
        }
    }
}
