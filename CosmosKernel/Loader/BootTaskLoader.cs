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
    /// Starts the only two tasks the kernel creates, from their boot modules — the only ELF loading the kernel does:
    /// sigma0 ("sigma0", the pager at the root of every mapping, which owns all free physical memory) and the root task
    /// ("roottask", which starts every other program itself). Each gets its ELF segments, a premapped heap, a stack and a
    /// ProgramStartInfo at the top of the stack; the root task also gets every boot module mapped read-only at
    /// UserLayout.BootModuleBase and the kernel command line. The kernel connects them (sigma0's ports, the root task's
    /// pager), gives sigma0 the free memory it does not keep for itself, and starts both.
    /// </summary>
    internal static unsafe class BootTaskLoader
    {
        public const string RootTaskModule = "roottask";
        public const string Sigma0Module = "sigma0";
        public const byte RootTaskPriority = 100;
        public const byte Sigma0Priority = 200;

        /// <summary>Sigma0's premapped heap (it has no pager).</summary>
        public const ulong Sigma0HeapBytes = 8UL * 1024 * 1024;

        /// <summary>Loads sigma0 and the root task and starts them. Returns false (after logging why) when it cannot.</summary>
        public static bool Start(in MultibootInformation information, BootString commandLine)
        {
            if (!Load(in information, Sigma0Module, Sigma0Priority, Sigma0HeapBytes, false, default, out TaskControlBlock* sigma0, out ThreadControlBlock* sigma0Thread, out ulong sigma0Entry)
                || !Load(in information, RootTaskModule, RootTaskPriority, UserLayout.ProgramHeapSize, true, commandLine, out TaskControlBlock* root, out ThreadControlBlock* rootThread, out ulong rootEntry))
            {
                return false;
            }
            Mappings.SetSigma0(sigma0->Id);
            TaskTable.SetRoot(root->Id);
            SystemCallError error = Ipc.InitialCapabilities.GiveToRootTask(root);
            if (error == SystemCallError.None)
            {
                error = Ipc.InitialCapabilities.ConnectSigma0(sigma0, root);
            }
            if (error != SystemCallError.None || !Sigma0Memory.HandOver(information.MemoryMap))
            {
                KernelLog.Error("boot").Text("cannot connect sigma0 and the root task: error ").Decimal((long)error).End();
                return false;
            }
            KernelLog.Info("boot").Text("sigma0 owns ").Decimal(Sigma0Memory.OwnedFrames * UserLayout.PageSize / (1024 * 1024)).Text(" MiB; the kernel keeps ")
                .Decimal(KernelMemory.Frames.FreeMebibytes).Text(" MiB for its own objects").End();
            ulong startInformation = UserLayout.StartInformationAddress;
            error = TaskLifecycle.StartThread(sigma0Thread, sigma0Entry, startInformation - 16, startInformation, KernelMemory.Layout.UserThreadFirstEntry);
            if (error == SystemCallError.None)
            {
                error = TaskLifecycle.StartThread(rootThread, rootEntry, startInformation - 16, startInformation, KernelMemory.Layout.UserThreadFirstEntry);
            }
            return error == SystemCallError.None;
        }

        // Creates the task of boot module `moduleName` with its image, heap (`heapBytes` premapped), stack and start information; its thread is not started.
        private static bool Load(in MultibootInformation information, string moduleName, byte priority, ulong heapBytes, bool withModules, BootString commandLine,
            out TaskControlBlock* task, out ThreadControlBlock* thread, out ulong entry)
        {
            task = null;
            thread = null;
            entry = 0;
            PhysicalMemoryWindow window = KernelMemory.Window;
            int moduleIndex = information.FindModule(moduleName, window);
            if (moduleIndex < 0)
            {
                KernelLog.Error("boot").Text("no \"").Text(moduleName).Text("\" boot module: cannot start").End();
                return false;
            }
            PhysicalRange range = information.GetModule(moduleIndex).Range;
            byte* file = window.ToPointer(range.Start);
            ElfError elfError = ElfImage.Parse(file, range.Length, out ElfImage image);
            if (elfError != ElfError.None)
            {
                KernelLog.Error("boot").Text("the ").Text(moduleName).Text(" module is not a valid program (ELF check failed: error ").Decimal((ulong)elfError).Text(")").End();
                return false;
            }

            byte* name = stackalloc byte[moduleName.Length];
            for (int i = 0; i < moduleName.Length; i++)
            {
                name[i] = (byte)moduleName[i];
            }
            SystemCallError error = TaskLifecycle.CreateTask(null, name, moduleName.Length, TaskLifecycle.HighestUserPriority, priority, out task, out thread);
            if (error == SystemCallError.None)
            {
                error = LoadSegments(task, file, in image);
            }
            if (error == SystemCallError.None)
            {
                error = TaskLifecycle.MapNewMemory(task, UserLayout.HeapBase, heapBytes, PageFlags.Writable | PageFlags.NoExecute);
            }
            if (error == SystemCallError.None)
            {
                error = TaskLifecycle.MapNewMemory(task, UserLayout.StackTop - UserLayout.ProgramStackSize, UserLayout.ProgramStackSize, PageFlags.Writable | PageFlags.NoExecute);
            }
            if (error == SystemCallError.None)
            {
                error = WriteStartInformation(task, thread, in information, withModules, commandLine, heapBytes, UserLayout.StartInformationAddress);
            }
            if (error != SystemCallError.None)
            {
                KernelLog.Error("boot").Text("cannot set up ").Text(moduleName).Text(": error ").Decimal((long)error).End();
                return false;
            }
            KernelLog.Info("boot").Text(moduleName).Text(" is task ").Identifier(task->Id.Slot, task->Id.Version).Text(", entry ").Hex(image.EntryPoint)
                .Text(", ").Decimal(task->OwnedPages).Text(" pages").End();
            entry = image.EntryPoint;
            return true;
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

        // Maps the boot modules (root task only) and writes ProgramStartInfo, the BootModule array and the command line at `address`.
        private static SystemCallError WriteStartInformation(TaskControlBlock* task, ThreadControlBlock* thread, in MultibootInformation information, bool withModules,
            BootString commandLine, ulong heapBytes, ulong address)
        {
            int moduleCount = withModules ? information.ModuleCount : 0;
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
            start.HeapMappedBytes = heapBytes;
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
