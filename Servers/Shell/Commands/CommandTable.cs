namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>The shell's commands, in the order `help` lists them; also the names tab completion offers.</summary>
    internal static class CommandTable
    {
        public static readonly Command[] All =
        {
            new HelpCommand(),
            new EchoCommand(),
            new ClearCommand(),
            new UptimeCommand(),
            new PsCommand(),
            new MemCommand(),
            new LsdevCommand(),
            new LspciCommand(),
            new DiskCommand(),
            new KillCommand(),
            new BenchCommand(),
            new RebootCommand(),
            new ShutdownCommand(),
        };

        public static Command Find(string name)
        {
            for (int index = 0; index < All.Length; index++)
            {
                if (All[index].Name == name)
                {
                    return All[index];
                }
            }
            return null;
        }

        public static string[] Names()
        {
            string[] names = new string[All.Length];
            for (int index = 0; index < All.Length; index++)
            {
                names[index] = All[index].Name;
            }
            return names;
        }
    }
}
