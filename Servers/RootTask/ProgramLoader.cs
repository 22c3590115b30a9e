using Cosmos.Api;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Starts a program from a boot module as a new task, entirely through system calls: create the task,
    /// give it memory for every ELF segment and copy the segment in, give it a heap and a stack, write its
    /// ProgramStartInfo and command line at the top of the stack, start its first thread at the ELF entry.
    /// A failure at any step kills the half-built task and returns the error.
    /// </summary>
    internal static unsafe class ProgramLoader
    {
        public const byte MaximumPriority = 200;
        public const byte DefaultPriority = 100;

        /// <summary>The boot module named <paramref name="name"/>, or null.</summary>
        public static BootModule* FindModule(string name)
        {
            ProgramStartInfo* start = ProgramStartup.StartInfo;
            BootModule* modules = (BootModule*)start->Modules;
            for (ulong i = 0; i < start->ModuleCount; i++)
            {
                if (NameEquals(modules + i, name))
                {
                    return modules + i;
                }
            }
            return null;
        }

        /// <summary>
        /// Loads module <paramref name="name"/> as a task named after it, with <paramref name="commandLine"/> (the
        /// whole line, program name first). Returns the task id, or a negative SystemCallError; an ELF that fails
        /// validation returns InvalidArgument and <paramref name="elfError"/> says why.
        /// </summary>
        public static long Start(string name, string commandLine, out ElfError elfError)
        {
            elfError = ElfError.None;
            BootModule* module = FindModule(name);
            if (module == null)
            {
                return (long)SystemCallError.NoSuchTask;
            }
            elfError = ElfImage.Parse((byte*)module->Address, module->Size, out ElfImage image);
            if (elfError != ElfError.None)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            byte* nameBytes = stackalloc byte[TaskInformation.NameCapacity];
            int nameLength = name.Length < TaskInformation.NameCapacity ? name.Length : TaskInformation.NameCapacity;
            for (int i = 0; i < nameLength; i++)
            {
                nameBytes[i] = (byte)name[i];
            }
            long task = Kernel.CreateTask(nameBytes, nameLength, MaximumPriority, DefaultPriority, out ulong thread);
            if (task < 0)
            {
                return task;
            }
            SystemCallError error = Load((ulong)task, (byte*)module->Address, in image);
            ulong startInformation = UserLayout.StartInformationAddress;
            if (error == SystemCallError.None)
            {
                error = WriteStartInformation((ulong)task, thread, commandLine, startInformation);
            }
            if (error == SystemCallError.None)
            {
                error = Kernel.StartThread(thread, image.EntryPoint, startInformation - 16, startInformation);
            }
            if (error != SystemCallError.None)
            {
                Kernel.KillTask((ulong)task);
                Kernel.WaitTask((ulong)task, 0, out _);
                return (long)error;
            }
            return task;
        }

        private static SystemCallError Load(ulong task, byte* file, in ElfImage image)
        {
            for (int i = 0; i < image.SegmentCount; i++)
            {
                ElfSegment segment = image.GetSegment(i);
                long flags = (segment.Writable ? Kernel.MemoryWritable : 0) | (segment.Executable ? Kernel.MemoryExecutable : 0);
                SystemCallError error = Kernel.AllocateMemory(task, segment.PageStart, segment.PageEnd - segment.PageStart, flags);
                if (error == SystemCallError.None && segment.FileSize != 0)
                {
                    error = Kernel.WriteMemory(task, segment.VirtualAddress, file + segment.FileOffset, segment.FileSize);
                }
                if (error != SystemCallError.None)
                {
                    return error;
                }
            }
            // No heap is mapped: the program's Libc maps heap pages on demand inside its reserved range.
            return Kernel.AllocateMemory(task, UserLayout.StackTop - UserLayout.ProgramStackSize, UserLayout.ProgramStackSize, Kernel.MemoryWritable);
        }

        private static SystemCallError WriteStartInformation(ulong task, ulong thread, string commandLine, ulong address)
        {
            int length = commandLine.Length;
            ulong maximum = UserLayout.StartInformationSize - (ulong)sizeof(ProgramStartInfo);
            if ((ulong)length > maximum)
            {
                length = (int)maximum;
            }
            ulong commandLineAddress = address + (ulong)sizeof(ProgramStartInfo);
            ProgramStartInfo start = ProgramStartInfo.ForStandardLayout(task, thread, commandLineAddress, (ulong)length, 0, 0);
            start.HeapMappedBytes = 0;
            SystemCallError error = Kernel.WriteMemory(task, address, &start, (ulong)sizeof(ProgramStartInfo));
            if (error != SystemCallError.None || length == 0)
            {
                return error;
            }
            byte* text = stackalloc byte[length];
            for (int i = 0; i < length; i++)
            {
                text[i] = commandLine[i] < 128 ? (byte)commandLine[i] : (byte)'?';
            }
            return Kernel.WriteMemory(task, commandLineAddress, text, (ulong)length);
        }

        private static bool NameEquals(BootModule* module, string name)
        {
            for (int i = 0; i < BootModule.NameCapacity; i++)
            {
                byte value = module->Name[i];
                if (i == name.Length)
                {
                    return value == 0;
                }
                if (value != name[i])
                {
                    return false;
                }
            }
            return false;
        }
    }
}
