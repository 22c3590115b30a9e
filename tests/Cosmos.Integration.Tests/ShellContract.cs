using System;
using System.Text.RegularExpressions;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The serial contract of the shell (Servers/Shell) and the serial driver (Drivers/Serial): how the machine is booted
    /// for the shell tests, the drivers' start lines, the prompt, and the shell's fixed messages. A change to either side
    /// must change both.
    /// </summary>
    internal static class ShellContract
    {
        /// <summary>
        /// The kernel command line of every shell test: the serial driver with its COM1 ports and IRQ 4, and the shell. The
        /// one place to change when the shell starts by default (then: "").
        /// </summary>
        public const string KernelCommandLine = "run=serial+register+io=0x3f8-0x3ff+irq=4 run=shell";

        /// <summary>The normal boot (no run words): the root task starts pci, serial, keyboard, console, the shell and the disk drivers.</summary>
        public const string NormalBootCommandLine = "";

        /// <summary>How long the first prompt may take after QEMU starts (a loaded host runs TCG slowly).</summary>
        public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(120);

        /// <summary>How long one command may take to print its reply and the next prompt.</summary>
        public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

        private const RegexOptions Options = RegexOptions.CultureInvariant;

        /// <summary>The serial driver is serving: "serial: COM1 16550A, 115200 baud, registered as serial".</summary>
        public static readonly Regex SerialStarted = new Regex(@"^serial: COM1 (?<chip>\S+), 115200 baud, registered as serial$", Options);

        /// <summary>The shell is running: "shell: started (serial found, console not found)".</summary>
        public static readonly Regex ShellStarted = new Regex(@"^shell: started \(serial (?<serial>found|not found), console (?<console>found|not found)\)$", Options);

        /// <summary>The reply to a name that is no command: "NAME: command not found".</summary>
        public static string CommandNotFound(string name) => name + ": command not found";

        /// <summary>Every command `help` lists (and tab completion offers).</summary>
        public static readonly string[] Commands =
        {
            "help", "echo", "clear", "uptime", "ps", "mem", "lsdev", "lspci", "disk", "kill", "bench", "reboot", "shutdown",
        };

        /// <summary>`help`'s line for one command: two spaces, the name padded to ten columns, the summary.</summary>
        public static Regex HelpLine(string command) => new Regex("^  " + Regex.Escape(command) + @" +\S.*$", Options);

        /// <summary>`uptime`: "up 0:00:14.289, 5 tasks".</summary>
        public static readonly Regex Uptime = new Regex(@"^up (?<hours>\d+):(?<minutes>\d\d):(?<seconds>\d\d)\.(?<milliseconds>\d{3}), (?<tasks>\d+) tasks$", Options);

        /// <summary>`ps`'s header line.</summary>
        public static readonly Regex PsHeader = new Regex(@"^ID +NAME +STATE +PRI +CPU\(ms\) +PAGES +THREADS$", Options);

        /// <summary>`ps`'s line for a task: "4.1       shell               running               200       41.0    349        3".</summary>
        public static readonly Regex PsTask = new Regex(@"^(?<id>\d+\.\d+) +(?<name>\S+) +(?<state>running|ended .+?) +(?<priority>\d+) +(?<cpu>\d+\.\d) +(?<pages>\d+) +(?<threads>\d+)$", Options);

        /// <summary>`ps`'s line for a thread, indented: "  8.1     thread              blocked: ipc-receive  100       30.7".</summary>
        public static readonly Regex PsThread = new Regex(@"^  (?<id>\d+\.\d+) +thread +(?<state>running|ready|dead|blocked: \S+) +(?<priority>\d+) +(?<cpu>\d+\.\d)$", Options);

        /// <summary>`lsdev`'s last line: "2 names".</summary>
        public static readonly Regex LsdevCount = new Regex(@"^(?<count>\d+) names$", Options);
    }
}
