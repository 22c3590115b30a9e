namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`clear`: clears the screen and puts the cursor at the top left (ESC [ 2 J, ESC [ H).</summary>
    internal sealed class ClearCommand : Command
    {
        public override string Name => "clear";

        public override string Summary => "clears the screen";

        public override void Run(ShellContext context, string[] words) => context.Output.Write("\x1b[2J\x1b[H");
    }
}
