using System.Runtime.InteropServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Formats;
using Internal.Runtime;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Starts a program from a boot module as a new task, entirely through system calls, in two steps with the
    /// capability hand-out between them: <see cref="Create"/> makes the task, fills pool pages of the region pager with
    /// every ELF segment and with its ProgramStartInfo and command line and maps them into it, and gives it its pager;
    /// <see cref="Start"/> starts its first thread at the ELF entry. A failure at any step kills the half-built task,
    /// gives its pages back and returns the error.
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
        /// capabilities, then <see cref="Start"/> it (or <see cref="Abandon"/> it). Every ELF segment and the top pages of
        /// the stack (start information and command line) are pool pages of the region pager, filled here and mapped into
        /// the task; the heap and the rest of the stack come from the task's pager when touched. The pager is the region
        /// pager through a send right badged for this task (<paramref name="pagerSlot"/> 0), or the port whose send right is
        /// in the root's <paramref name="pagerSlot"/>; either way the task finds a copy in WellKnownSlots.Pager. Returns
        /// SystemCallError.None, or the error after killing the half-built task: NoSuchTask when no boot module has the name,
        /// InvalidArgument when the ELF fails validation (<paramref name="elfError"/> says why), OutOfMemory when the pool
        /// is exhausted, LimitReached when the region pager has no room for another client. With
        /// <paramref name="mayCreateTasks"/> the task may create tasks itself ("+spawn"). The caller holds the creation
        /// lock (<see cref="AcquireCreation"/>). The first thread runs at <paramref name="priority"/>.
        /// </summary>
        public static SystemCallError Create(string name, string commandLine, bool mayCreateTasks, uint pagerSlot, out CreatedProgram program, out ElfError elfError, byte priority = DefaultPriority)
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
            long task = Kernel.CreateTask(nameBytes, nameLength, MaximumPriority, priority, out ulong thread, 0, mayCreateTasks ? TaskCreateFlags.MayCreateTasks : 0);
            if (task < 0)
            {
                return (SystemCallError)task;
            }
            if (!RegionPager.TryAddClient((ulong)task, out int client, out ulong badge))
            {
                End((ulong)task, -1, 0);
                return SystemCallError.LimitReached;
            }
            SystemCallError error = Load((ulong)task, client, (byte*)module->Address, in image);
            if (error == SystemCallError.None)
            {
                error = WriteStartInformation((ulong)task, client, thread, commandLine, UserLayout.StartInformationAddress);
            }
            if (error == SystemCallError.None)
            {
                error = pagerSlot == 0 ? GiveRegionPager((ulong)task, badge) : GivePager((ulong)task, pagerSlot);
            }
            if (error != SystemCallError.None)
            {
                End((ulong)task, client, badge);
                return error;
            }
            program = new CreatedProgram((ulong)task, thread, image.EntryPoint, client, badge);
            return SystemCallError.None;
        }

        /// <summary>Starts a created program's first thread at its ELF entry; on failure the task is ended and the error returned.</summary>
        public static SystemCallError Start(in CreatedProgram program)
        {
            ulong startInformation = UserLayout.StartInformationAddress;
            SystemCallError error = Kernel.StartThread(program.FirstThread, program.EntryPoint, startInformation - 16, startInformation);
            if (error != SystemCallError.None)
            {
                End(program.Task, program.PagerClient, program.PagerBadge);
            }
            return error;
        }

        /// <summary>Ends a created program that will not be started (its capability hand-out failed) and takes its pages back.</summary>
        public static void Abandon(in CreatedProgram program) => End(program.Task, program.PagerClient, program.PagerBadge);

        /// <summary>
        /// Taken around every sequence that creates tasks or capabilities in the root task's table (loading, the capability
        /// hand-out, the loader service's replies), so the main thread and the loader service's thread never interleave
        /// them and a new capability lands in the slot the sequence expects.
        /// </summary>
        public static void AcquireCreation() => s_creationLock.Acquire();

        public static void ReleaseCreation() => s_creationLock.Release();

        private static SpinLock s_creationLock;

        private static void End(ulong task, int client, ulong badge)
        {
            Kernel.KillTask(task);
            Kernel.WaitTask(task, 0, out _);
            if (client >= 0)
            {
                RegionPager.EndClient(client, badge);
            }
        }

        // Each segment's pages: pool pages holding the file's bytes (the rest zero), mapped with the segment's rights.
        private static SystemCallError Load(ulong task, int client, byte* file, in ElfImage image)
        {
            for (int i = 0; i < image.SegmentCount; i++)
            {
                ElfSegment segment = image.GetSegment(i);
                SystemCallError error = Write(client, segment.PageStart, segment.PageEnd, segment.VirtualAddress, file + segment.FileOffset, segment.FileSize);
                if (error == SystemCallError.None)
                {
                    FlexpageRights rights = FlexpageRights.Read | (segment.Writable ? FlexpageRights.Write : 0) | (segment.Executable ? FlexpageRights.Execute : 0);
                    error = MapRange(task, client, segment.PageStart, segment.PageEnd, rights);
                }
                if (error != SystemCallError.None)
                {
                    return error;
                }
            }
            return SystemCallError.None;
        }

        // The ProgramStartInfo and the command line in the stack's top pages (pool pages), mapped read and write.
        private static SystemCallError WriteStartInformation(ulong task, int client, ulong thread, string commandLine, ulong address)
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
            ulong end = address + UserLayout.StartInformationSize;
            SystemCallError error = Write(client, address, end, address, (byte*)&start, (ulong)sizeof(ProgramStartInfo));
            if (error != SystemCallError.None)
            {
                return error;
            }
            byte* text = stackalloc byte[length + 1];
            for (int i = 0; i < length; i++)
            {
                text[i] = commandLine[i] < 128 ? (byte)commandLine[i] : (byte)'?';
            }
            error = Write(client, address, end, commandLineAddress, text, (ulong)length);
            return error != SystemCallError.None ? error : MapRange(task, client, address, end, FlexpageRights.Read | FlexpageRights.Write);
        }

        // Takes the client's pool pages for [pageStart, pageEnd) (zeroed, or the ones already there) and copies
        // <length> bytes from <source> to the client's <destination> in them.
        private static SystemCallError Write(int client, ulong pageStart, ulong pageEnd, ulong destination, byte* source, ulong length)
        {
            for (ulong page = pageStart; page < pageEnd; page += UserLayout.PageSize)
            {
                ulong poolAddress = RegionPager.TakePage(client, page);
                if (poolAddress == 0)
                {
                    return SystemCallError.OutOfMemory;
                }
                ulong first = destination > page ? destination : page;
                ulong last = destination + length < page + UserLayout.PageSize ? destination + length : page + UserLayout.PageSize;
                if (first < last)
                {
                    NativeMemory.Copy(source + (first - destination), (void*)(poolAddress + (first - page)), (nuint)(last - first));
                }
            }
            return SystemCallError.None;
        }

        private static SystemCallError MapRange(ulong task, int client, ulong pageStart, ulong pageEnd, FlexpageRights rights)
        {
            for (ulong page = pageStart; page < pageEnd; page += UserLayout.PageSize)
            {
                SystemCallError error = RegionPager.MapPage(task, RegionPager.TakePage(client, page), page, rights);
                if (error != SystemCallError.None)
                {
                    return error;
                }
            }
            return SystemCallError.None;
        }

        // The region pager as the task's pager: a send right to its port badged with the client's badge, set as the pager
        // and copied (Send only: the badge stays this task's identity) into the task's WellKnownSlots.Pager.
        private static SystemCallError GiveRegionPager(ulong task, ulong badge)
        {
            long minted = Capabilities.Mint(RegionPager.Port, 0, CapabilityRights.Send | CapabilityRights.Grant, badge);
            if (minted < 0)
            {
                return (SystemCallError)minted;
            }
            SystemCallError error = GivePager(task, (uint)minted);
            Capabilities.Delete((uint)minted);
            return error;
        }

        // The send right in the root's <slot> as the task's pager (the kernel keeps its own copy) and in its WellKnownSlots.Pager.
        private static SystemCallError GivePager(ulong task, uint slot)
        {
            SystemCallError error = AddressSpace.SetPager(task, slot);
            if (error != SystemCallError.None)
            {
                return error;
            }
            long given = Capabilities.Give(task, slot, WellKnownSlots.Pager, CapabilityRights.Send, move: false);
            return given < 0 ? (SystemCallError)given : SystemCallError.None;
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
