namespace Cosmos.Servers.Shell.Commands
{
    /// <summary>One shell command: its name (what the user types), a one-line summary for `help`, and what it does.</summary>
    internal abstract class Command
    {
        public abstract string Name { get; }

        /// <summary>The usage and a one-line description, e.g. "kill TASK  ends a task (id as ps prints it)".</summary>
        public abstract string Summary { get; }

        /// <summary>Runs the command; <paramref name="words"/>[0] is its name, the rest its arguments.</summary>
        public abstract void Run(ShellContext context, string[] words);
    }
}
