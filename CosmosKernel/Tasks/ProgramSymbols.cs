using CosmosKernel.Boot;
using CosmosKernel.Diagnostics;
using CosmosKernel.Memory;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// Names code addresses of ring-3 programs in fault reports. The image build adds, next to each program
    /// module NAME, a module "NAME.symbols" in the kernel's symbol-table format; a task whose name is NAME
    /// gets its addresses named from it. Programs without such a module are reported with raw addresses.
    /// </summary>
    internal static unsafe class ProgramSymbols
    {
        private const string Suffix = ".symbols";

        private static MultibootInformation s_information;
        private static bool s_initialized;

        public static void Initialize(in MultibootInformation information)
        {
            s_information = information;
            s_initialized = true;
        }

        /// <summary>Writes " Namespace.Type.Method+0xoffset" when the task's symbol module names <paramref name="address"/>; returns whether it did.</summary>
        public static bool WriteLocation(TaskControlBlock* task, ulong address)
        {
            // Only the program image can have symbols (a size-less last symbol would otherwise "cover" any address above it).
            if (address < Cosmos.Api.UserLayout.ProgramBase || address >= Cosmos.Api.UserLayout.HeapBase)
            {
                return false;
            }
            return s_initialized && FindTable(task, out SymbolTable table) && KernelSymbols.WriteLocation(in table, address, " ");
        }

        private static bool FindTable(TaskControlBlock* task, out SymbolTable table)
        {
            table = default;
            PhysicalMemoryWindow window = KernelMemory.Window;
            for (int index = 0; index < s_information.ModuleCount; index++)
            {
                BootString name = s_information.GetModuleString(index, window);
                if (!IsSymbolModuleOf(task, name))
                {
                    continue;
                }
                PhysicalRange range = s_information.GetModule(index).Range;
                if (range.Length > int.MaxValue || !window.Contains(range.Start, range.Length))
                {
                    return false;
                }
                table = new SymbolTable(window.ToPointer(range.Start), (int)range.Length);
                return table.Validate(out _, out _) == SymbolTableError.None;
            }
            return false;
        }

        // "NAME.symbols" where NAME is the task's name.
        private static bool IsSymbolModuleOf(TaskControlBlock* task, BootString name)
        {
            if (name.Length != task->NameLength + Suffix.Length)
            {
                return false;
            }
            for (int i = 0; i < task->NameLength; i++)
            {
                if (name[i] != task->Name[i])
                {
                    return false;
                }
            }
            for (int i = 0; i < Suffix.Length; i++)
            {
                if (name[task->NameLength + i] != Suffix[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
