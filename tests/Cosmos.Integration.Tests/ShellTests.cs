using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>
    /// The shell (Servers/Shell) through the serial driver (Drivers/Serial), driven over COM1 as a person at a serial
    /// terminal would: the prompt, commands and their replies, and line editing (cursor keys, history, completion). Each
    /// test boots once (<see cref="ShellContract.KernelCommandLine"/>) and runs several commands.
    /// </summary>
    public sealed class ShellTests
    {
        private const string Left = "\u001b[D";
        private const string Up = "\u001b[A";
        private const string Home = "\u001b[H";
        private const string End = "\u001b[F";
        private const string Delete = "\u001b[3~";
        private const string Backspace = "\u007f";

        private static async Task<(QemuMachine Machine, ShellSession Shell)> BootAsync(QemuOptions options = null)
        {
            options ??= new QemuOptions { KernelCommandLine = ShellContract.KernelCommandLine };
            QemuMachine machine = await QemuMachine.StartAsync(options);
            try
            {
                await machine.WaitForLineAsync(ShellContract.SerialStarted, ShellContract.BootTimeout);
                await machine.WaitForLineAsync(ShellContract.ShellStarted, ShellContract.BootTimeout);
                var shell = new ShellSession(machine, ShellContract.BootTimeout);
                await shell.WaitForPromptAsync();
                return (machine, new ShellSession(machine, ShellContract.CommandTimeout));
            }
            catch
            {
                await machine.DisposeAsync();
                throw;
            }
        }

        private static void AssertLine(QemuMachine machine, ShellReply reply, string expected, string what)
        {
            MachineAssert.True(machine, reply.Lines.Contains(expected), $"{what}: expected the line \"{expected}\", got:\n{reply.Text}");
        }

        [Fact]
        public async Task ThePromptAppearsAndEchoHelpUptimePsLsdevAndUnknownCommandsAnswer()
        {
            (QemuMachine machine, ShellSession shell) = await BootAsync();
            await using (machine)
            {
                ShellReply echo = await shell.RunAsync("echo hello world");
                MachineAssert.True(machine, echo.Echo == "echo hello world", $"The shell echoed the typed line as \"{echo.Echo}\".");
                AssertLine(machine, echo, "hello world", "echo hello world");

                ShellReply spaced = await shell.RunAsync("echo   two   \"quoted  words\"");
                AssertLine(machine, spaced, "two quoted  words", "echo with extra blanks and quotes");

                ShellReply unknown = await shell.RunAsync("frobnicate now");
                AssertLine(machine, unknown, ShellContract.CommandNotFound("frobnicate"), "an unknown command");

                ShellReply empty = await shell.RunAsync("");
                MachineAssert.True(machine, empty.Lines.All(line => line.Length == 0 || line.StartsWith("roottask:", StringComparison.Ordinal)),
                    $"An empty line printed something:\n{empty.Text}");

                ShellReply help = await shell.RunAsync("help");
                foreach (string command in ShellContract.Commands)
                {
                    Regex line = ShellContract.HelpLine(command);
                    MachineAssert.True(machine, help.Lines.Any(line.IsMatch), $"help does not list \"{command}\":\n{help.Text}");
                }

                ShellReply uptime = await shell.RunAsync("uptime");
                Match up = uptime.Lines.Select(line => ShellContract.Uptime.Match(line)).FirstOrDefault(match => match.Success);
                MachineAssert.True(machine, up != null, $"uptime printed no \"up H:MM:SS.mmm, N tasks\" line:\n{uptime.Text}");
                int tasks = int.Parse(up.Groups["tasks"].Value);
                // sigma0, the root task, the name broker, serial and the shell at least.
                MachineAssert.True(machine, tasks >= 5, $"uptime counts {tasks} tasks: \"{up.Value}\".");
                long seconds = long.Parse(up.Groups["hours"].Value) * 3600 + long.Parse(up.Groups["minutes"].Value) * 60 + long.Parse(up.Groups["seconds"].Value);
                MachineAssert.True(machine, seconds < machine.Elapsed.TotalSeconds + 1, $"uptime says {seconds} s, but QEMU has run {machine.Elapsed.TotalSeconds:F1} s.");

                ShellReply ps = await shell.RunAsync("ps");
                MachineAssert.True(machine, ps.Lines.Any(ShellContract.PsHeader.IsMatch), $"ps printed no header:\n{ps.Text}");
                Match[] taskLines = ps.Lines.Select(line => ShellContract.PsTask.Match(line)).Where(match => match.Success).ToArray();
                foreach (string name in new[] { "sigma0", "roottask", "namebroker", "serial", "shell" })
                {
                    MachineAssert.True(machine, taskLines.Any(match => match.Groups["name"].Value == name && match.Groups["state"].Value == "running"),
                        $"ps does not show the running task \"{name}\":\n{ps.Text}");
                }
                Match shellTask = taskLines.First(match => match.Groups["name"].Value == "shell");
                // The main thread and one reader per input device (serial, keyboard).
                MachineAssert.True(machine, shellTask.Groups["threads"].Value == "3", $"The shell has {shellTask.Groups["threads"].Value} threads, not 3: \"{shellTask.Value}\".");
                int threadLines = ps.Lines.Count(ShellContract.PsThread.IsMatch);
                int threadCount = taskLines.Sum(match => int.Parse(match.Groups["threads"].Value));
                MachineAssert.True(machine, threadLines == threadCount, $"ps lists {threadLines} threads but its tasks count {threadCount}:\n{ps.Text}");
                MachineAssert.True(machine, ps.Lines.Any(line => ShellContract.PsThread.Match(line) is { Success: true } thread && thread.Groups["state"].Value == "running"),
                    $"No thread is running while ps runs:\n{ps.Text}");

                ShellReply lsdev = await shell.RunAsync("lsdev");
                AssertLine(machine, lsdev, "serial", "lsdev");
                AssertLine(machine, lsdev, "loader", "lsdev");
                Match count = lsdev.Lines.Select(line => ShellContract.LsdevCount.Match(line)).FirstOrDefault(match => match.Success);
                MachineAssert.True(machine, count != null && int.Parse(count.Groups["count"].Value) >= 2, $"lsdev's count is missing or below the two names it showed:\n{lsdev.Text}");
            }
        }

        [Fact]
        public async Task LineEditingOverSerialFixesTyposRecallsHistoryAndCompletesCommandNames()
        {
            (QemuMachine machine, ShellSession shell) = await BootAsync();
            await using (machine)
            {
                // "ehco fixed": seven lefts put the cursor after "ehc"; two backspaces leave "e|o fixed"; typing "ch" mends it.
                ShellReply mended = await shell.RunAsync("ehco fixed" + string.Concat(Enumerable.Repeat(Left, 7)) + Backspace + Backspace + "ch");
                AssertLine(machine, mended, "fixed", "a typo mended with the left arrow and backspace");
                MachineAssert.True(machine, !mended.Lines.Any(line => line.Contains("command not found", StringComparison.Ordinal)), $"The mended line ran as another command:\n{mended.Text}");

                // Up recalls the line just entered; Enter runs it again.
                ShellReply again = await shell.RunAsync(Up);
                AssertLine(machine, again, "fixed", "the up arrow repeating the last line");

                // Tab completes the only command starting with "ech" to "echo ".
                ShellReply completed = await shell.RunAsync("ech\tcompleted");
                AssertLine(machine, completed, "completed", "tab completion of \"ech\"");
                MachineAssert.True(machine, completed.Echo.EndsWith("echo completed", StringComparison.Ordinal), $"The completed line showed as \"{completed.Echo}\".");

                // Home, Delete and End: "Xecho edit" loses its X and gains "ed" at the end.
                ShellReply homeEnd = await shell.RunAsync("Xecho edit" + Home + Delete + End + "ed");
                AssertLine(machine, homeEnd, "edited", "Home, Delete and End");

                // Two lines up is "echo completed" (the newest is "echo edited").
                ShellReply older = await shell.RunAsync(Up + Up);
                AssertLine(machine, older, "completed", "the up arrow pressed twice");

                // "p" is the start of one command only: Tab completes it to "ps ".
                ShellReply ps = await shell.RunAsync("p\t");
                MachineAssert.True(machine, ps.Lines.Any(ShellContract.PsHeader.IsMatch), $"\"p\" + Tab did not run ps:\n{ps.Text}");
            }
        }

        [Fact]
        public async Task CommandsWhoseDriversAreMissingSayWhyKillReportsRefusalsAndMemShowsMemory()
        {
            (QemuMachine machine, ShellSession shell) = await BootAsync();
            await using (machine)
            {
                ShellReply lspci = await shell.RunAsync("lspci");
                AssertLine(machine, lspci, "lspci: pci driver unreachable", "lspci without the pci driver");

                ShellReply disk = await shell.RunAsync("disk");
                AssertLine(machine, disk, "disk: no disk driver registered (disk0 to disk7)", "disk without a disk driver");

                ShellReply diskRead = await shell.RunAsync("disk read 0");
                AssertLine(machine, diskRead, "disk: disk0 unreachable (no driver registered it)", "disk read without a disk driver");

                ShellReply badKill = await shell.RunAsync("kill nonsense");
                MachineAssert.True(machine, badKill.Lines.Any(line => line.StartsWith("usage: kill TASK", StringComparison.Ordinal)), $"kill with a bad id:\n{badKill.Text}");

                ShellReply noTask = await shell.RunAsync("kill 999.9");
                AssertLine(machine, noTask, "kill: no live task 999.9", "kill of a task that does not exist");

                // The root task and sigma0 are never killed: the shell reports the refusal (whose reason is the system service's) and keeps going.
                foreach ((string id, string name) in new[] { ("1", "1.1 (roottask)"), ("0.1", "0.1 (sigma0)") })
                {
                    ShellReply refused = await shell.RunAsync("kill " + id);
                    MachineAssert.True(machine, refused.Lines.Any(line => line.StartsWith("kill: ", StringComparison.Ordinal) && line.Contains(name, StringComparison.Ordinal)),
                        $"kill {id} did not report a refusal for {name}:\n{refused.Text}");
                    MachineAssert.True(machine, !refused.Lines.Any(line => line.StartsWith("killed", StringComparison.Ordinal)), $"kill {id} claims success:\n{refused.Text}");
                }

                ShellReply mem = await shell.RunAsync("mem");
                foreach (string pool in new[] { "sigma0", "kernel" })
                {
                    MachineAssert.True(machine, mem.Lines.Any(line => Regex.IsMatch(line, "^" + pool + @" +\d+(\.\d)? MiB +\d+(\.\d)? [KMG]?i?B +\d+(\.\d)? [KMG]?i?B$")),
                        $"mem shows no {pool} memory line:\n{mem.Text}");
                }
                MachineAssert.True(machine, mem.Lines.Any(line => Regex.IsMatch(line, @"^\d+\.\d+ +shell +\d+ ")), $"mem shows no pages of the shell:\n{mem.Text}");

                ShellReply echo = await shell.RunAsync("echo still here");
                AssertLine(machine, echo, "still here", "echo after the failed commands");
            }
        }

        [Fact]
        public async Task OnTheNormalBootLspciLsdevDiskAndTheKeyboardWorkThroughTheirDrivers()
        {
            string image = DiskImage.CreateNumbered(sectors: 4096);
            try
            {
                var options = new QemuOptions { KernelCommandLine = ShellContract.NormalBootCommandLine };
                options.ExtraArguments.Add("-drive");
                options.ExtraArguments.Add($"file={image},format=raw,if=ide,index=0");
                (QemuMachine machine, ShellSession shell) = await BootAsync(options);
                await using (machine)
                {
                    ShellReply lsdev = await shell.RunAsync("lsdev");
                    foreach (string name in new[] { "pci", "serial", "keyboard", "console", "system", "loader" })
                    {
                        AssertLine(machine, lsdev, name, "lsdev on the normal boot");
                    }

                    // QEMU's pc machine: the i440FX host bridge and the PIIX3 IDE function, exactly as lspci -n prints them.
                    ShellReply lspci = await shell.RunAsync("lspci");
                    MachineAssert.True(machine, lspci.Lines.Any(line => line.StartsWith("00:00.0 0600: 8086:1237", StringComparison.Ordinal)), $"lspci shows no host bridge:\n{lspci.Text}");
                    MachineAssert.True(machine, lspci.Lines.Any(line => line.StartsWith("00:01.1 0101: 8086:7010", StringComparison.Ordinal)), $"lspci shows no IDE function:\n{lspci.Text}");

                    // The disk driver may still be starting (it waits for the pci driver): ask again for a while.
                    ShellReply disk = await RunUntilAsync(shell, "disk", reply => reply.Lines.Any(line => line.StartsWith("disk0: 4096 sectors of 512 bytes (2 MiB), ", StringComparison.Ordinal)));
                    MachineAssert.True(machine, disk.Lines.Any(line => line.StartsWith("disk0: 4096 sectors of 512 bytes (2 MiB), ", StringComparison.Ordinal)), $"disk does not show the 2 MiB disk:\n{disk.Text}");

                    ShellReply sector = await shell.RunAsync("disk read 7");
                    AssertLine(machine, sector, "disk0 sector 7:", "disk read 7");
                    MachineAssert.True(machine, sector.Lines.Any(line => line.StartsWith("0000: 07 00 00 00 ", StringComparison.Ordinal)), $"sector 7 does not start with its number:\n{sector.Text}");
                    MachineAssert.True(machine, sector.Lines.Count(line => Regex.IsMatch(line, "^[0-9a-f]{4}: ")) == 32, $"sector 7 is not 32 dump lines:\n{sector.Text}");

                    // Keys typed on the PS/2 keyboard reach the shell, and its reply appears on the serial line too.
                    foreach (string key in new[] { "e", "c", "h", "o", "spc", "k", "e", "y", "s", "ret" })
                    {
                        await machine.SendMonitorCommandAsync("sendkey " + key);
                    }
                    string typed = await shell.WaitForPromptAsync();
                    MachineAssert.True(machine, ShellReply.Parse(typed).Lines.Contains("keys"), $"The keyboard's line did not run echo:\n{typed}");
                }
            }
            finally
            {
                File.Delete(image);
            }
        }

        // Runs a command again (up to ten times, a second apart) until its reply satisfies the condition; returns the last reply.
        private static async Task<ShellReply> RunUntilAsync(ShellSession shell, string line, Func<ShellReply, bool> condition)
        {
            ShellReply reply = null;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                reply = await shell.RunAsync(line);
                if (condition(reply))
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            return reply;
        }
    }
}
