namespace Cosmos.Api.Loading
{
    /// <summary>
    /// The root task's loader service, registered at the name broker as <see cref="ServiceName"/>: it starts programs
    /// from boot modules for other tasks. One request, a call with label <see cref="Spawn"/>:
    /// <list type="bullet">
    /// <item>untyped word <see cref="MappingLimitWord"/>: the program's mapping quota (mapping-database nodes; 0: the
    /// kernel's default), word <see cref="PageTableLimitWord"/>: its page-table quota (0: the default);</item>
    /// <item>one string item: the run word "NAME[:ARGUMENT...][+SUFFIX...]", as after "run=" on the kernel command line
    /// (at most <see cref="MaximumRunWordLength"/> bytes of ASCII), suffixes included;</item>
    /// <item>optionally, after the string, one capability transfer item: a port send right (with Grant) that becomes the
    /// program's pager (the kernel's pager of the task, and the copy in its WellKnownSlots.Pager); without it the root
    /// task's region pager serves the program.</item>
    /// </list>
    /// The caller declares a one-slot capability receive window. The program is created and loaded (its image mapped from
    /// the root task's pool), given its capabilities and quota, and started. Reply: label <see cref="LoaderStatus.Ok"/>,
    /// word <see cref="TaskIdWord"/> the task id, and one capability transfer item moving a Task capability (Control,
    /// Grant) naming the new task into the caller's window; the caller may wait for the task (and collect its exit code)
    /// and kill it. Refusals carry a <see cref="LoaderStatus"/> above Ok and no words, except
    /// <see cref="LoaderStatus.TaskCapabilityNotDelivered"/> (started, word 0 the task id).
    /// </summary>
    public static class LoaderProtocol
    {
        public const string ServiceName = "loader";

        public const uint Spawn = 1;

        public const int MappingLimitWord = 0;
        public const int PageTableLimitWord = 1;
        public const int SpawnWordCount = 2;

        /// <summary>The reply's task id.</summary>
        public const int TaskIdWord = 0;

        public const int MaximumRunWordLength = 256;
    }
}
