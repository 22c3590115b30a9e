namespace Cosmos.Servers.RootTask
{
    /// <summary>
    /// A program <see cref="ProgramLoader.Create"/> has loaded into a new task whose first thread has not started yet:
    /// what <see cref="ProgramLoader.Start"/> needs to run it, or <see cref="ProgramLoader.Abandon"/> to end it.
    /// </summary>
    internal readonly struct CreatedProgram
    {
        public CreatedProgram(ulong task, ulong firstThread, ulong entryPoint)
        {
            Task = task;
            FirstThread = firstThread;
            EntryPoint = entryPoint;
        }

        public ulong Task { get; }

        public ulong FirstThread { get; }

        public ulong EntryPoint { get; }
    }
}
