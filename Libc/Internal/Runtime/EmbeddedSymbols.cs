using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// A ring-3 program's own symbol table, embedded by build.sh (Native/program_symbols.asm), as the lookups behind
    /// <see cref="TypeNames"/> and <see cref="CodeNames"/>: exception reports and stack traces name types and methods.
    /// </summary>
    public static unsafe class EmbeddedSymbols
    {
        private static SymbolText s_table;

        [RuntimeImport("image_program_symbols_start")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern byte* Start();

        [RuntimeImport("image_program_symbols_end")]
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern byte* End();

        /// <summary>Installs the lookups when the image has a table; returns whether it has.</summary>
        public static bool Install()
        {
            s_table = new SymbolText(Start(), End());
            if (s_table.IsEmpty)
            {
                return false;
            }
            TypeNames.SetLookup(&NameOfType);
            CodeNames.SetLookup(&NameOfCode);
            return true;
        }

        private static string NameOfType(MethodTable* type) => s_table.DescribeType((ulong)type);

        private static string NameOfCode(ulong address) => s_table.DescribeCode(address);
    }
}
