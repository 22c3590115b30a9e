namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A program <see cref="ProgramLoader.Create"/> has loaded into a new task whose first thread has not started yet:
    /// what <see cref="ProgramLoader.Start"/> needs to run it, or <see cref="ProgramLoader.Abandon"/> to end it.
    /// </summary>
    internal readonly struct CreatedProgram
    {
        public CreatedProgram(ulong task, ulong firstThread, ulong entryPoint, int pagerClient, ulong pagerBadge)
        {
            Task = task;
            FirstThread = firstThread;
            EntryPoint = entryPoint;
            PagerClient = pagerClient;
            PagerBadge = pagerBadge;
        }

        public ulong Task { get; }

        public ulong FirstThread { get; }

        public ulong EntryPoint { get; }

        /// <summary>The task's client slot at the region pager (its pool pages: image, start information, heap and stack).</summary>
        public int PagerClient { get; }

        /// <summary>The client's badge at the region pager (what tells this client from a later one in the same slot).</summary>
        public ulong PagerBadge { get; }
    }
}
