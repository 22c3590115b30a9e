namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`help`: every command with its usage and a one-line description.</summary>
    internal sealed class HelpCommand : Command
    {
        public override string Name => "help";

        public override string Summary => "lists the commands";

        public override void Run(ShellContext context, string[] words)
        {
            context.Line("commands (Tab completes a name, Up/Down recall earlier lines):");
            for (int index = 0; index < CommandTable.All.Length; index++)
            {
                Command command = CommandTable.All[index];
                context.Line("  " + command.Name.PadRight(10) + command.Summary);
            }
        }
    }
}
