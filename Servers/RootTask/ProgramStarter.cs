using Cosmos.Api;
using Cosmos.Api.Loading;
using Cosmos.Api.Memory;
using Cosmos.Formats;

namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// Starts the program a run word names, for the command line's run= words and for the loader service alike: parse the
    /// word (<see cref="RunWord"/>), create and load the task (<see cref="ProgramLoader.Create"/>), give it the suffixes'
    /// capabilities (<see cref="CapabilityHandOut"/>), set its memory quota, start it and record it
    /// (<see cref="StartedPrograms"/>), printing "roottask: started task ..." or "roottask: cannot start ...". The caller
    /// holds the creation lock.
    /// </summary>
    internal static class ProgramStarter
    {
        /// <summary>
        /// Starts <paramref name="specification"/> (a run word without "run="); returns the task id, or 0 with the reason in
        /// <paramref name="status"/>. <paramref name="pagerSlot"/>: the root's slot of the pager's send right (0: the region
        /// pager); a limit of 0 keeps the kernel's default quota. <paramref name="waited"/>: a run= program the main thread
        /// waits for and reports. Its first thread runs at <paramref name="priority"/>.
        /// </summary>
        public static ulong Start(string specification, uint pagerSlot, ulong mappingLimit, ulong pageTableLimit, bool waited, out LoaderStatus status, byte priority = ProgramLoader.DefaultPriority)
        {
            RunWordError wordError = RunWord.TryParse(specification, out RunWord word);
            if (wordError != RunWordError.None)
            {
                Kernel.DebugWrite("roottask: cannot start " + specification + ": " + RunWord.Describe(wordError) + "\n");
                status = LoaderStatus.BadRequest;
                return 0;
            }
            string name = word.ProgramName;
            SystemCallError error = ProgramLoader.Create(name, word.CommandLine, word.MayCreateTasks, pagerSlot, out CreatedProgram program, out ElfError elfError, priority);
            if (error != SystemCallError.None)
            {
                string why = error == SystemCallError.NoSuchTask ? "no boot module of that name"
                    : elfError != ElfError.None ? "not a valid program (ELF error " + ((int)elfError).ToString() + ")"
                    : Kernel.DescribeError((long)error);
                Kernel.DebugWrite("roottask: cannot start " + name + ": " + why + "\n");
                status = error == SystemCallError.NoSuchTask ? LoaderStatus.NoSuchProgram
                    : error == SystemCallError.LimitReached ? LoaderStatus.TooManyPrograms
                    : pagerSlot != 0 && elfError == ElfError.None && IsCapabilityError(error) ? LoaderStatus.Refused
                    : LoaderStatus.LoadFailed;
                return 0;
            }
            // The capabilities and the quota are in place before the program's first instruction runs.
            status = LoaderStatus.Ok;
            if (CapabilityHandOut.Give(program.Task, word.CapabilityRequests) != SystemCallError.None)
            {
                Kernel.DebugWrite("roottask: cannot start " + name + ": a capability could not be given\n");
                status = LoaderStatus.CapabilityFailed;
            }
            else if (SetQuota(program.Task, mappingLimit, pageTableLimit) != SystemCallError.None)
            {
                Kernel.DebugWrite("roottask: cannot start " + name + ": the memory quota was refused\n");
                status = LoaderStatus.Refused;
            }
            if (status != LoaderStatus.Ok)
            {
                ProgramLoader.Abandon(in program);
                return 0;
            }
            error = ProgramLoader.Start(in program);
            if (error != SystemCallError.None)
            {
                Kernel.DebugWrite("roottask: cannot start " + name + ": " + Kernel.DescribeError((long)error) + "\n");
                status = LoaderStatus.LoadFailed;
                return 0;
            }
            // From here the main thread gives the pages back when the task ends, however it ends. Every recorded program
            // is a region-pager client and the table has a record per client, so there is always room.
            StartedPrograms.Add(program.Task, program.PagerClient, program.PagerBadge, name, waited);
            Kernel.DebugWrite("roottask: started task " + Kernel.FormatId(program.Task) + " \"" + word.CommandLine + "\"\n");
            return program.Task;
        }

        private static bool IsCapabilityError(SystemCallError error)
            => error == SystemCallError.InvalidSlot || error == SystemCallError.EmptySlot || error == SystemCallError.WrongKind
            || error == SystemCallError.InsufficientRights || error == SystemCallError.StaleCapability;

        // Only the limits given (non-zero) change; the other keeps the kernel's default.
        private static unsafe SystemCallError SetQuota(ulong task, ulong mappingLimit, ulong pageTableLimit)
        {
            if (mappingLimit == 0 && pageTableLimit == 0)
            {
                return SystemCallError.None;
            }
            TaskMemoryInformation current;
            SystemCallError error = AddressSpace.QueryMemory(task, &current);
            if (error != SystemCallError.None)
            {
                return error;
            }
            return AddressSpace.SetMemoryQuota(task, mappingLimit != 0 ? mappingLimit : current.MappingLimit, pageTableLimit != 0 ? pageTableLimit : current.PageTableLimit);
        }
    }
}
