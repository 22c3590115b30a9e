using Cosmos.Api;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Starts a program from a boot module as a new task, entirely through system calls, in two steps with the
    /// capability hand-out between them: <see cref="Create"/> makes the task, gives it memory for every ELF segment
    /// and copies the segment in, gives it a stack and writes its ProgramStartInfo and command line at the top of the
    /// stack; <see cref="Start"/> starts its first thread at the ELF entry. A failure at any step kills the
    /// half-built task and returns the error.
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
        /// Loads module <paramref name="name"/> into a new task named after it, with <paramref name="commandLine"/> (the
        /// whole line, program name first), and leaves its first thread waiting: the caller may give the task
        /// capabilities, then <see cref="Start"/> it (or <see cref="Abandon"/> it). Returns SystemCallError.None, or the
        /// error after killing the half-built task: NoSuchTask when no boot module has the name, InvalidArgument when
        /// the ELF fails validation (<paramref name="elfError"/> says why). With <paramref name="mayCreateTasks"/> the task may
        /// create tasks itself ("+spawn").
        /// </summary>
        public static SystemCallError Create(string name, string commandLine, bool mayCreateTasks, out CreatedProgram program, out ElfError elfError)
        {
            program = default;
            elfError = ElfError.None;
            BootModule* module = FindModule(name);
            if (module == null)
            {
                return SystemCallError.NoSuchTask;
            }
            elfError = ElfImage.Parse((byte*)module->Address, module->Size, out ElfImage image);
            if (elfError != ElfError.None)
            {
                return SystemCallError.InvalidArgument;
            }
            byte* nameBytes = stackalloc byte[TaskInformation.NameCapacity];
            int nameLength = name.Length < TaskInformation.NameCapacity ? name.Length : TaskInformation.NameCapacity;
            for (int i = 0; i < nameLength; i++)
            {
                nameBytes[i] = (byte)name[i];
            }
            long task = Kernel.CreateTask(nameBytes, nameLength, MaximumPriority, DefaultPriority, out ulong thread, 0, mayCreateTasks ? TaskCreateFlags.MayCreateTasks : 0);
            if (task < 0)
            {
                return (SystemCallError)task;
            }
            SystemCallError error = Load((ulong)task, (byte*)module->Address, in image);
            if (error == SystemCallError.None)
            {
                error = WriteStartInformation((ulong)task, thread, commandLine, UserLayout.StartInformationAddress);
            }
            if (error != SystemCallError.None)
            {
                End((ulong)task);
                return error;
            }
            program = new CreatedProgram((ulong)task, thread, image.EntryPoint);
            return SystemCallError.None;
        }

        /// <summary>Starts a created program's first thread at its ELF entry; on failure the task is ended and the error returned.</summary>
        public static SystemCallError Start(in CreatedProgram program)
        {
            ulong startInformation = UserLayout.StartInformationAddress;
            SystemCallError error = Kernel.StartThread(program.FirstThread, program.EntryPoint, startInformation - 16, startInformation);
            if (error != SystemCallError.None)
            {
                End(program.Task);
            }
            return error;
        }

        /// <summary>Ends a created program that will not be started (its capability hand-out failed).</summary>
        public static void Abandon(in CreatedProgram program) => End(program.Task);

        private static void End(ulong task)
        {
            Kernel.KillTask(task);
            Kernel.WaitTask(task, 0, out _);
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
