using Cosmos.Servers.Shell.Logic;

namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>`echo ARGS`: prints its arguments, separated by single spaces.</summary>
    internal sealed class EchoCommand : Command
    {
        public override string Name => "echo";

        public override string Summary => "ARGS...  prints its arguments";

        public override void Run(ShellContext context, string[] words) => context.Line(CommandLine.Join(words, 1));
    }
}
