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
    /// The normal boot as a user meets it: the root task starts the drivers and the shell in order, supervises them, and
    /// restarts a driver that is killed; the shell keeps answering, finds the restarted drivers again, and the system
    /// service powers the machine off and resets it.
    /// </summary>
    public sealed class SupervisorTests
    {
        private static readonly TimeSpan s_bootTimeout = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task TheNormalBootStartsTheDriversThenTheShellAndShowsAPrompt()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions());
            await machine.WaitForLineAsync(SystemContract.SystemServiceRegistered, s_bootTimeout);
            await machine.WaitForTextAsync(SystemContract.Prompt, s_bootTimeout);
            string[] started = machine.Output.Lines
                .Select(line => SystemContract.Started.Match(line.Text))
                .Where(match => match.Success)
                .Select(match => match.Groups["command"].Value.Split(' ')[0])
                .ToArray();
            // The disk driver may still be starting: it waits for the PCI driver's answers.
            string[] expected = SystemContract.BootOrder.Where(name => name != "disk").ToArray();
            MachineAssert.True(machine, started.Take(expected.Length).SequenceEqual(expected),
                $"The boot programs started as [{string.Join(", ", started)}], expected [{string.Join(", ", expected)}] first.");
            await SendLineAsync(machine, "echo supervised boot");
            await machine.WaitForLineAsync(new Regex("^supervised boot$"), s_commandTimeout);
        }

        [Fact]
        public async Task KilledDriversAreRestartedAndTheShellFindsThemAgain()
        {
            string disk = DiskImage.CreateNumbered(sectors: 2048);
            try
            {
                var options = new QemuOptions();
                options.ExtraArguments.Add("-drive");
                options.ExtraArguments.Add($"file={disk},format=raw,if=ide,index=0");
                await using QemuMachine machine = await QemuMachine.StartAsync(options);
                await machine.WaitForTextAsync(SystemContract.Prompt, s_bootTimeout);
                // The disk driver starts last (it waits for the PCI driver's answers), maybe after the prompt.
                await machine.WaitUntilAsync(
                    output => output.Lines.Any(line => line.Text.StartsWith("disk: disk0 ", StringComparison.Ordinal)),
                    "the disk driver's registration as disk0",
                    s_bootTimeout);

                int restarts = 0;
                foreach (string driver in new[] { "serial", "keyboard", "disk" })
                {
                    string task = CurrentTask(machine, driver);
                    await SendLineAsync(machine, "kill " + task);
                    // The prompt after kill's answer may come before or after this line: the next command does not wait for it.
                    await machine.WaitForLineAsync(
                        line => SystemContract.Restarted.Match(line) is { Success: true } match && match.Groups["name"].Value == driver && match.Groups["old"].Value == task,
                        $"the root task's report that it restarted {driver} (task {task})",
                        s_commandTimeout);
                    restarts++;

                    // The shell keeps answering, through the restarted serial driver too.
                    await SendLineAsync(machine, $"echo alive after {driver}");
                    await machine.WaitForLineAsync(new Regex($"^alive after {driver}$"), s_commandTimeout);
                }

                // The restarted keyboard driver delivers keys typed on the PS/2 keyboard to the shell.
                foreach (string key in new[] { "e", "c", "h", "o", "spc", "k", "b", "ret" })
                {
                    await machine.SendMonitorCommandAsync("sendkey " + key);
                }
                await machine.WaitForLineAsync(new Regex("^kb$"), s_commandTimeout);

                // The restarted disk driver reads sector 5, which holds its own number.
                await SendLineAsync(machine, "disk read 5");
                await machine.WaitForLineAsync(new Regex(@"^0+: 05 00 00 00 "), s_commandTimeout);
                Assert.Equal(3, restarts);
            }
            finally
            {
                File.Delete(disk);
            }
        }

        [Fact]
        public async Task RestartedDriversGetTheirDeviceMemoryAgainFromSigma0()
        {
            // On q35 the disk driver maps the AHCI controller's registers and the console the VGA text memory, both device
            // blocks from sigma0: a restarted driver must get its block again although its predecessor was given it.
            string disk = DiskImage.CreateNumbered(sectors: 2048);
            try
            {
                var options = new QemuOptions { MachineType = MachineType.Q35 };
                options.ExtraArguments.Add("-drive");
                options.ExtraArguments.Add($"file={disk},format=raw,if=none,id=scratch");
                options.ExtraArguments.Add("-device");
                options.ExtraArguments.Add("ide-hd,drive=scratch,bus=ide.4");
                await using QemuMachine machine = await QemuMachine.StartAsync(options);
                await machine.WaitForTextAsync(SystemContract.Prompt, s_bootTimeout);
                await machine.WaitUntilAsync(
                    output => output.Lines.Any(line => line.Text.StartsWith("disk: disk0 ", StringComparison.Ordinal) && line.Text.EndsWith("AHCI", StringComparison.Ordinal)),
                    "the AHCI disk driver's registration as disk0",
                    s_bootTimeout);

                foreach (string driver in new[] { "disk", "console" })
                {
                    string task = CurrentTask(machine, driver);
                    await SendLineAsync(machine, "kill " + task);
                    await machine.WaitForLineAsync(
                        line => SystemContract.Restarted.Match(line) is { Success: true } match && match.Groups["name"].Value == driver && match.Groups["old"].Value == task,
                        $"the root task's report that it restarted {driver} (task {task})",
                        s_commandTimeout);
                }

                // The restarted console registered again (its start line may come before or after the root task's report).
                await machine.WaitUntilAsync(
                    output => output.Lines.Count(line => line.Text == "console: VGA text 80x25, registered as console") == 2,
                    "a second \"console: VGA text 80x25, registered as console\"",
                    s_commandTimeout);
                await SendLineAsync(machine, "disk read 7");
                await machine.WaitForLineAsync(new Regex(@"^0+: 07 00 00 00 "), s_commandTimeout);
                string[] refused = machine.Output.Lines.Select(line => line.Text).Where(text => text.Contains("AlreadyGiven", StringComparison.Ordinal) || text.Contains("already given", StringComparison.Ordinal)).ToArray();
                MachineAssert.True(machine, refused.Length == 0, "A restarted driver was refused its device memory: " + string.Join(" | ", refused));
            }
            finally
            {
                File.Delete(disk);
            }
        }

        [Fact]
        public async Task ShutdownPowersTheMachineOff()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions());
            await machine.WaitForTextAsync(SystemContract.Prompt, s_bootTimeout);
            await SendLineAsync(machine, "shutdown");
            await machine.WaitForLineAsync(new Regex("^roottask: powering off on request$"), s_commandTimeout);
            int status = await machine.WaitForExitAsync(s_commandTimeout);
            MachineAssert.True(machine, status == 0, $"QEMU exited with status {status} after the power-off, expected 0.");
        }

        [Fact]
        public async Task RebootResetsTheMachine()
        {
            // -no-reboot (the harness's default) turns the reset into QEMU's exit.
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions());
            await machine.WaitForTextAsync(SystemContract.Prompt, s_bootTimeout);
            await SendLineAsync(machine, "reboot");
            await machine.WaitForLineAsync(new Regex("^roottask: rebooting on request$"), s_commandTimeout);
            await machine.WaitForExitAsync(s_commandTimeout);
        }

        // The task that runs the supervised program now: its latest start or restart line.
        private static string CurrentTask(QemuMachine machine, string name)
        {
            string task = null;
            foreach (SerialLine line in machine.Output.Lines)
            {
                Match started = SystemContract.Started.Match(line.Text);
                if (started.Success && started.Groups["command"].Value.Split(' ')[0] == name)
                {
                    task = started.Groups["task"].Value;
                }
                Match restarted = SystemContract.Restarted.Match(line.Text);
                if (restarted.Success && restarted.Groups["name"].Value == name)
                {
                    task = restarted.Groups["task"].Value;
                }
            }
            MachineAssert.True(machine, task != null, $"The root task never said it started {name}.");
            return task;
        }

        private static Task SendLineAsync(QemuMachine machine, string line) => machine.SendAsync(line + "\r");
    }
}
