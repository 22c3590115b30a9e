using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// What the root task prints about the normal boot (Servers/RootTask: BootPrograms, Supervisor, SystemService) and
    /// what the shell shows: the contract of <see cref="SupervisorTests"/>.
    /// </summary>
    internal static class SystemContract
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private const string Id = @"\d+\.\d+";

        /// <summary>The shell's prompt ends in "$ " (a line that has not ended yet).</summary>
        public const string Prompt = "$ ";

        /// <summary>"roottask: system service registered as "system"".</summary>
        public static readonly Regex SystemServiceRegistered = new Regex(@"^roottask: system service registered as ""system""$", Options);

        /// <summary>"roottask: started task 4.1 "serial"" (the program's command line in quotes).</summary>
        public static readonly Regex Started = new Regex($@"^roottask: started task (?<task>{Id}) ""(?<command>[^""]*)""$", Options);

        /// <summary>"roottask: serial (task 4.1) was killed; restarted as task 9.1 (restart 1)".</summary>
        public static readonly Regex Restarted = new Regex(
            $@"^roottask: (?<name>\S+) \(task (?<old>{Id})\) (?<how>was killed|ended by a fault); restarted as task (?<task>{Id}) \(restart (?<count>\d+)\)$", Options);

        /// <summary>"roottask: killed task 4.1 on request".</summary>
        public static readonly Regex KilledOnRequest = new Regex($@"^roottask: killed task (?<task>{Id}) on request$", Options);

        /// <summary>The order the drivers and the shell start in (the disk driver last: it needs the PCI driver's answers).</summary>
        public static readonly string[] BootOrder = { "pci", "serial", "keyboard", "console", "shell", "disk" };
    }
}
