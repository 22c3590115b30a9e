using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cosmos.Testing;
using Xunit;

namespace Cosmos.Integration.Tests
{
    /// <summary>The QEMU harness itself: if it misreads output or leaks processes, every other test result is suspect.</summary>
    public sealed class HarnessTests
    {
        [Fact]
        public void EscapeFilterLeavesOnlyTheTextOfGrubAndOvmfOutput()
        {
            // Byte for byte what GRUB and OVMF write to the serial port before the kernel starts.
            string raw = "\u001b[H\u001b[J\u001b[1;1H  Booting `CosmosKernel'\r\n\r\rCosmosKernel 0.1.0\r\n" +
                "\u001b[0m\u001b[30m\u001b[47mWelcome to GRUB!\r\n\u001b[2J\u001b[01;01H\u001b[=3h\u001b]0;title\u0007\u001b(Bdone\r\n";

            string text = TerminalEscapeFilter.Strip(raw);

            Assert.Equal("  Booting `CosmosKernel'\nCosmosKernel 0.1.0\nWelcome to GRUB!\ndone\n", text);
        }

        [Fact]
        public void LinesSurviveSequencesAndCharactersSplitAcrossReads()
        {
            var output = new SerialOutput(Stopwatch.StartNew());
            byte[] raw = Encoding.UTF8.GetBytes("\u001b[1;1Hfirst\r\nsecond \u00b5s\r\n\u001b[0mthi");

            // One byte per read: every escape sequence and the two-byte UTF-8 character are cut in the middle.
            foreach (byte value in raw)
            {
                output.Append(new[] { value });
            }

            Assert.Equal(new[] { "first", "second \u00b5s" }, output.Lines.Select(line => line.Text));
            Assert.Equal("first\nsecond \u00b5s\nthi", output.Text);

            output.Complete();

            Assert.Equal(new[] { "first", "second \u00b5s", "thi" }, output.Lines.Select(line => line.Text));
            Assert.Equal(new[] { 1, 2, 3 }, output.Lines.Select(line => line.Number));
            Assert.True(output.IsComplete);
            SerialLine[] lines = output.Lines.ToArray();
            Assert.True(lines[0].Timestamp <= lines[1].Timestamp && lines[1].Timestamp <= lines[2].Timestamp);
            Assert.Equal("second \u00b5s\nthi", output.TextFrom(lines[1]));
        }

        [Fact]
        public void RepositoryRootHoldsTheSolutionAndBuildScript()
        {
            string root = RepositoryLayout.FindRoot();

            Assert.True(File.Exists(Path.Combine(root, RepositoryLayout.SolutionFileName)));
            Assert.True(File.Exists(Path.Combine(root, "build.sh")));
        }

        [Fact]
        public async Task MissingImageNamesTheBuildCommand()
        {
            var options = new QemuOptions { ImagePath = Path.Combine(Path.GetTempPath(), "no-such-dir", "os.iso") };

            FileNotFoundException exception = await Assert.ThrowsAsync<FileNotFoundException>(() => QemuMachine.StartAsync(options));

            Assert.Contains("./build.sh iso", exception.Message);
        }

        [Fact]
        public async Task WaitsFollowTheOutputInOrder()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync();

            // A text wait matches inside a line and returns everything up to its match.
            string upToBanner = await machine.WaitForTextAsync("CosmosKernel 0.");
            Assert.EndsWith("CosmosKernel 0.", upToBanner);
            Assert.Contains("Booting `CosmosKernel'", upToBanner);

            // The banner line is only partly consumed, so a line wait still finds it, then the lines after it.
            SerialLine banner = await machine.WaitForLineAsync(KernelContract.Banner);
            SerialLine ready = await machine.WaitForLineAsync(KernelContract.Ready);
            Assert.True(banner.Number < ready.Number);
            Assert.True(banner.Timestamp <= ready.Timestamp && ready.Timestamp <= machine.Elapsed);

            // Both are behind the wait position now, but the whole output still has them.
            Assert.Contains(machine.Output.Lines, line => line.Text == banner.Text);
        }

        [Fact]
        public async Task FailedWaitCarriesTheSerialOutputAndCommandLine()
        {
            await using QemuMachine machine = await QemuMachine.StartAsync(new QemuOptions { KernelCommandLine = "harness-check" });
            await machine.WaitForLineAsync(KernelContract.Banner);

            // Whether the kernel keeps running or powers off, the wait fails, and the message must show what was printed.
            QemuMachineException failure = await Assert.ThrowsAsync<QemuMachineException>(
                () => machine.WaitForLineAsync("this line is never printed", TimeSpan.FromSeconds(3)));

            Assert.Matches(@"^(Timed out after 3\.0 s|QEMU exited with status \d+)", failure.Message);
            Assert.Contains("Booting `CosmosKernel'", failure.Message);
            Assert.Contains("CosmosKernel 0.", failure.Message);
            Assert.Contains("-accel tcg", failure.Message);
            Assert.Contains("value=cosmos:harness-check", failure.Message);
            Assert.Contains("CosmosKernel 0.", failure.SerialOutput);
        }

        [Fact]
        public async Task WaitOnAPausedMachineTimesOut()
        {
            // -S: QEMU starts with the processor stopped, so nothing is ever printed and QEMU never exits on its own.
            var options = new QemuOptions();
            options.ExtraArguments.Add("-S");
            await using QemuMachine machine = await QemuMachine.StartAsync(options);
            var waited = Stopwatch.StartNew();

            QemuMachineException failure = await Assert.ThrowsAsync<QemuMachineException>(
                () => machine.WaitForTextAsync("anything", TimeSpan.FromSeconds(1)));

            Assert.StartsWith("Timed out after 1.0 s waiting for the text \"anything\".", failure.Message);
            Assert.Contains("QEMU state: running", failure.Message);
            Assert.Contains("Serial output (0 lines", failure.Message);
            Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(1));
        }

        [Fact]
        public async Task MonitorAnswersAndDisposalLeavesNoQemuProcess()
        {
            int processId;
            var options = new QemuOptions();
            options.ExtraArguments.Add("-S");
            await using (QemuMachine machine = await QemuMachine.StartAsync(options))
            {
                processId = machine.ProcessId;

                string version = await machine.SendMonitorCommandAsync("info version");
                Assert.Matches(@"^\d+\.\d+", version);

                string status = (await machine.ExecuteMonitorCommandAsync("query-status"))?["status"]?.GetValue<string>();
                Assert.Equal("prelaunch", status);
                Assert.True(Directory.Exists($"/proc/{processId}"), "QEMU should be running before disposal.");
            }

            Assert.False(Directory.Exists($"/proc/{processId}"), $"QEMU (process {processId}) is still there after disposal.");
        }

        [Fact]
        public async Task ExitBeforeTheAwaitedLineFailsAtOnceWithTheExitStatus()
        {
            var options = new QemuOptions();
            options.ExtraArguments.Add("-S");
            await using QemuMachine machine = await QemuMachine.StartAsync(options);

            // quit ends QEMU with status 0, as a guest power-off would; the pending wait must notice instead of timing out.
            Task<SerialLine> neverPrinted = machine.WaitForLineAsync("this line is never printed", TimeSpan.FromSeconds(60));
            await machine.ExecuteMonitorCommandAsync("quit");
            var waited = Stopwatch.StartNew();

            QemuMachineException failure = await Assert.ThrowsAsync<QemuMachineException>(() => neverPrinted);

            Assert.StartsWith("QEMU exited with status 0", failure.Message);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"The wait took {waited.Elapsed} to notice the exit.");
            Assert.Equal(0, await machine.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }
    }
}
