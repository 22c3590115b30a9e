using System.Runtime.InteropServices;
using Cosmos.Api;
using Cosmos.Formats;
using CosmosKernel.Boot;
using CosmosKernel.Console;
using CosmosKernel.Memory;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using StartModule = Cosmos.Api.BootModule;

namespace CosmosKernel.Loader
{
    /// <summary>
    /// Starts the root task from the boot module named "roottask" — the only ELF loading the kernel does;
    /// the root task starts every other program itself through system calls. The root task gets its ELF
    /// segments, a heap, a stack, every boot module mapped read-only at UserLayout.BootModuleBase and a
    /// ProgramStartInfo (with the module list and the kernel command line) at the top of its stack.
    /// </summary>
    internal static unsafe class RootTaskLoader
    {
        public const string ModuleName = "roottask";
        public const byte Priority = 100;

        /// <summary>Loads and starts the root task. Returns false (after logging why) when it cannot.</summary>
        public static bool Start(in MultibootInformation information, BootString commandLine)
        {
            PhysicalMemoryWindow window = KernelMemory.Window;
            int moduleIndex = information.FindModule(ModuleName, window);
            if (moduleIndex < 0)
            {
                KernelLog.Error("roottask", "no \"roottask\" boot module: nothing to run");
                return false;
            }
            PhysicalRange range = information.GetModule(moduleIndex).Range;
            byte* file = window.ToPointer(range.Start);
            ElfError elfError = ElfImage.Parse(file, range.Length, out ElfImage image);
            if (elfError != ElfError.None)
            {
                KernelLog.Error("roottask").Text("the roottask module is not a valid program (ELF check failed: error ").Decimal((ulong)elfError).Text(")").End();
                return false;
            }

            byte* name = stackalloc byte[ModuleName.Length];
            for (int i = 0; i < ModuleName.Length; i++)
            {
                name[i] = (byte)ModuleName[i];
            }
            SystemCallError error = TaskLifecycle.CreateTask(null, name, ModuleName.Length, TaskLifecycle.HighestUserPriority, Priority, out TaskControlBlock* task, out ThreadControlBlock* thread);
            if (error == SystemCallError.None)
            {
                TaskTable.SetRoot(task->Id);
                error = Ipc.InitialCapabilities.GiveToRootTask(task);
            }
            if (error == SystemCallError.None)
            {
                error = LoadSegments(task, file, in image);
            }
            if (error == SystemCallError.None)
            {
                error = TaskLifecycle.MapNewMemory(task, UserLayout.HeapBase, UserLayout.ProgramHeapSize, PageFlags.Writable | PageFlags.NoExecute);
            }
            if (error == SystemCallError.None)
            {
                error = TaskLifecycle.MapNewMemory(task, UserLayout.StackTop - UserLayout.ProgramStackSize, UserLayout.ProgramStackSize, PageFlags.Writable | PageFlags.NoExecute);
            }
            ulong startInformation = UserLayout.StartInformationAddress;
            if (error == SystemCallError.None)
            {
                error = WriteStartInformation(task, thread, in information, commandLine, startInformation);
            }
            if (error != SystemCallError.None)
            {
                KernelLog.Error("roottask").Text("cannot set up the root task: error ").Decimal((long)error).End();
                return false;
            }
            KernelLog.Info("roottask").Text("starting task ").Identifier(task->Id.Slot, task->Id.Version).Text(" at ").Hex(image.EntryPoint)
                .Text(", ").Decimal(task->OwnedPages).Text(" pages").End();
            error = TaskLifecycle.StartThread(thread, image.EntryPoint, startInformation - 16, startInformation, KernelMemory.Layout.UserThreadFirstEntry);
            return error == SystemCallError.None;
        }

        private static SystemCallError LoadSegments(TaskControlBlock* task, byte* file, in ElfImage image)
        {
            for (int i = 0; i < image.SegmentCount; i++)
            {
                ElfSegment segment = image.GetSegment(i);
                PageFlags flags = (segment.Writable ? PageFlags.Writable : PageFlags.None) | (segment.Executable ? PageFlags.None : PageFlags.NoExecute);
                if (segment.Writable && segment.Executable)
                {
                    return SystemCallError.InvalidArgument; // W^X
                }
                SystemCallError error = TaskLifecycle.MapNewMemory(task, segment.PageStart, segment.PageEnd - segment.PageStart, flags);
                if (error == SystemCallError.None)
                {
                    error = UserMemory.CopyTo(in task->Space, segment.VirtualAddress, file + segment.FileOffset, segment.FileSize, UserMemory.Access.WriteOwned);
                }
                if (error != SystemCallError.None)
                {
                    return error;
                }
            }
            return SystemCallError.None;
        }

        // Maps the boot modules and writes ProgramStartInfo, the BootModule array and the command line at `address`.
        private static SystemCallError WriteStartInformation(TaskControlBlock* task, ThreadControlBlock* thread, in MultibootInformation information, BootString commandLine, ulong address)
        {
            int moduleCount = information.ModuleCount;
            StartModule* modules = stackalloc StartModule[MultibootInformation.ModuleCapacity];
            NativeMemory.Clear(modules, (nuint)(sizeof(StartModule) * MultibootInformation.ModuleCapacity));
            ulong next = UserLayout.BootModuleBase;
            PhysicalMemoryWindow window = KernelMemory.Window;
            for (int i = 0; i < moduleCount; i++)
            {
                PhysicalRange range = information.GetModule(i).Range;
                PhysicalAddress first = range.Start.AlignDown(UserLayout.PageSize);
                ulong pages = (range.End.AlignUp(UserLayout.PageSize).Value - first.Value) / UserLayout.PageSize;
                SystemCallError error = TaskLifecycle.MapShared(task, next, first, pages);
                if (error != SystemCallError.None)
                {
                    return error;
                }
                modules[i].Address = next + (range.Start.Value - first.Value);
                modules[i].Size = range.Length;
                BootString name = information.GetModuleString(i, window);
                int nameLength = name.Length < StartModule.NameCapacity - 1 ? name.Length : StartModule.NameCapacity - 1;
                for (int c = 0; c < nameLength; c++)
                {
                    modules[i].Name[c] = name[c];
                }
                next += (pages + 1) * UserLayout.PageSize; // one unmapped page between modules
            }

            ulong modulesAddress = address + (ulong)sizeof(ProgramStartInfo);
            ulong commandLineAddress = modulesAddress + (ulong)(sizeof(StartModule) * moduleCount);
            ulong commandLineLength = (ulong)commandLine.Length;
            ulong room = UserLayout.StartInformationSize - (commandLineAddress - address);
            if (commandLineLength > room)
            {
                commandLineLength = room;
            }
            ProgramStartInfo start = ProgramStartInfo.ForStandardLayout(task->Id.Value, thread->Id.Value, commandLineAddress, commandLineLength, modulesAddress, (ulong)moduleCount);
            SystemCallError result = UserMemory.CopyTo(in task->Space, address, (byte*)&start, (ulong)sizeof(ProgramStartInfo), UserMemory.Access.Write);
            if (result == SystemCallError.None)
            {
                result = UserMemory.CopyTo(in task->Space, modulesAddress, (byte*)modules, (ulong)(sizeof(StartModule) * moduleCount), UserMemory.Access.Write);
            }
            if (result == SystemCallError.None && commandLineLength != 0)
            {
                byte* text = stackalloc byte[(int)commandLineLength];
                for (int i = 0; i < (int)commandLineLength; i++)
                {
                    text[i] = commandLine[i];
                }
                result = UserMemory.CopyTo(in task->Space, commandLineAddress, text, commandLineLength, UserMemory.Access.Write);
            }
            return result;
        }
    }
}
