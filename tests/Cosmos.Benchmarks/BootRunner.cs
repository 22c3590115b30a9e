using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cosmos.Testing;

namespace Cosmos.Benchmarks
{
    /// <summary>
    /// One benchmark boot: QEMU with the harness's defaults (TCG, pc, 256 MiB, one CPU, SeaBIOS, CD-ROM), a scratch disk
    /// on the primary IDE channel (<see cref="DiskImageBytes"/> of pseudo-random data, made once per run) and the kernel
    /// command line <see cref="KernelCommandLine"/>: the normal boot (drivers and shell, "system") with the benchmark
    /// programs run one after another. Reads boot_to_ready and boot_to_prompt (the shell's first <see cref="PromptText"/>)
    /// from the harness's timestamps, which count from the start of the QEMU process, and collects the OS's figures up to
    /// <see cref="DoneText"/>.
    /// </summary>
    internal sealed class BootRunner
    {
        /// <summary>The in-OS benchmark programs, one after another (the root task's "sequential"), so none measures under another's load.</summary>
        public const string KernelCommandLine = "system sequential run=systest:bench+spawn run=gctest:bench run=ehtest:bench run=ipctest:bench+spawn run=pagertest:bench+spawn+sigma0 run=disktest:bench";

        /// <summary>The end of the shell's prompt.</summary>
        public const string PromptText = "$ ";

        /// <summary>The scratch disk disktest reads (disk_read_seq reads 16 MiB of it).</summary>
        public const long DiskImageBytes = 64L * 1024 * 1024;

        /// <summary>The kernel's end of boot, as the integration tests recognise it (anywhere in a line).</summary>
        public const string ReadyText = "kernel: ready";

        /// <summary>The first line of a kernel panic report (anywhere in a line).</summary>
        public const string PanicText = "panic:";

        /// <summary>The root task's line once every benchmark program has ended (at the start of a line).</summary>
        public const string DoneText = "roottask: all programs ended";

        // The panic handler's last line; the report is complete once it appears.
        private const string HaltedText = "panic: system halted";

        private static readonly TimeSpan s_panicReportTimeout = TimeSpan.FromSeconds(5);

        private const int TailLines = 40;
        private const int LinesBeforePanic = 10;
        private const int MaximumPanicReportLines = 80;

        private readonly BenchmarkOptions _options;
        private readonly Action<string> _log;

        public BootRunner(BenchmarkOptions options, Action<string> log)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(log);
            _options = options;
            _log = log;
        }

        /// <summary>
        /// Boots once and returns what it measured; throws <see cref="BootFailedException"/> with the serial tail when the
        /// OS panics, QEMU exits early, the figures are malformed or <see cref="BenchmarkOptions.Timeout"/> passes.
        /// </summary>
        public async Task<BootMeasurement> RunAsync(int bootNumber, CancellationToken cancellationToken)
        {
            string boot = $"boot {bootNumber} of {_options.Boots}";
            var qemuOptions = new QemuOptions
            {
                KernelCommandLine = KernelCommandLine,
                ImagePath = _options.ImagePath,
            };
            qemuOptions.ExtraArguments.Add("-drive");
            qemuOptions.ExtraArguments.Add($"file={ScratchDisk()},format=raw,if=ide,index=0");

            await using QemuMachine machine = await QemuMachine.StartAsync(qemuOptions, cancellationToken).ConfigureAwait(false);
            _log($"{boot}: started {machine.CommandLine}");
            try
            {
                SerialLine ready = await machine.WaitForLineAsync(
                    text => text.Contains(ReadyText, StringComparison.Ordinal) || IsPanic(text),
                    $"\"{ReadyText}\" or a panic",
                    Remaining(machine),
                    cancellationToken).ConfigureAwait(false);
                if (IsPanic(ready.Text))
                {
                    throw await PanicAsync(machine, boot, ready, cancellationToken).ConfigureAwait(false);
                }

                double bootToReady = ready.Timestamp.TotalMilliseconds;
                _log($"{boot}: kernel ready after {bootToReady.ToString("F1", CultureInfo.InvariantCulture)} ms");

                SerialLine done = await machine.WaitForLineAsync(
                    text => text.StartsWith(DoneText, StringComparison.Ordinal) || IsPanic(text),
                    $"\"{DoneText}\" or a panic",
                    Remaining(machine),
                    cancellationToken).ConfigureAwait(false);
                if (IsPanic(done.Text))
                {
                    throw await PanicAsync(machine, boot, done, cancellationToken).ConfigureAwait(false);
                }

                IReadOnlyList<BenchmarkLine> figures;
                try
                {
                    figures = BenchmarkReport.CollectFigures(machine.Output.Lines.Where(line => line.Number < done.Number).Select(line => line.Text));
                }
                catch (BenchmarkException exception)
                {
                    throw new BootFailedException($"{boot}: {exception.Message}", machine.CommandLine, Tail(machine, null));
                }

                _log($"{boot}: {figures.Count} figures, done after {machine.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
                foreach (BenchmarkLine figure in figures)
                {
                    _log($"{boot}: {figure.Text}");
                }

                TimeSpan? prompt = machine.Output.TimeOfText(PromptText);
                double? bootToPrompt = prompt?.TotalMilliseconds;
                _log(bootToPrompt.HasValue
                    ? $"{boot}: shell prompt after {bootToPrompt.Value.ToString("F1", CultureInfo.InvariantCulture)} ms"
                    : $"{boot}: no shell prompt");
                return new BootMeasurement(bootNumber, bootToReady, figures, bootToPrompt);
            }
            catch (QemuMachineException exception)
            {
                // The harness's message holds the whole report; its first line is the summary, the tail below is the story.
                string summary = exception.Message.Split('\n', 2)[0].TrimEnd();
                if (machine.Elapsed >= _options.Timeout)
                {
                    summary = $"no \"{DoneText}\" within {FormatMinutes(_options.Timeout)} of QEMU's start ({summary})";
                }

                throw new BootFailedException($"{boot}: {summary}", machine.CommandLine, Tail(machine, null));
            }
        }

        private static string s_scratchDisk;

        /// <summary>The scratch disk's path: made on first use, pseudo-random (a fixed seed), so reads move real data.</summary>
        private static string ScratchDisk()
        {
            if (s_scratchDisk != null)
            {
                return s_scratchDisk;
            }

            string path = Path.Combine(Path.GetTempPath(), $"cosmos-bench-disk-{Environment.ProcessId}.img");
            var random = new Random(7);
            byte[] block = new byte[1024 * 1024];
            using (FileStream file = File.Create(path))
            {
                for (long written = 0; written < DiskImageBytes; written += block.Length)
                {
                    random.NextBytes(block);
                    file.Write(block, 0, block.Length);
                }
            }

            AppDomain.CurrentDomain.ProcessExit += (sender, arguments) => File.Delete(path);
            s_scratchDisk = path;
            return path;
        }

        private static bool IsPanic(string text) => text.Contains(PanicText, StringComparison.Ordinal);

        private TimeSpan Remaining(QemuMachine machine)
        {
            TimeSpan remaining = _options.Timeout - machine.Elapsed;
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        /// <summary>Gives the panic handler a moment to finish its report, then describes the failure from the panic on.</summary>
        private static async Task<BootFailedException> PanicAsync(QemuMachine machine, string boot, SerialLine panic, CancellationToken cancellationToken)
        {
            if (!panic.Text.Contains(HaltedText, StringComparison.Ordinal))
            {
                try
                {
                    await machine.WaitForLineAsync(
                        text => text.Contains(HaltedText, StringComparison.Ordinal),
                        $"\"{HaltedText}\"",
                        s_panicReportTimeout,
                        cancellationToken).ConfigureAwait(false);
                }
                catch (QemuMachineException)
                {
                    // An incomplete report is still the best evidence there is.
                }
            }

            return new BootFailedException($"{boot}: the OS panicked: {panic.Text.Trim()}", machine.CommandLine, Tail(machine, panic));
        }

        /// <summary>
        /// The end of the serial output, timestamped as the harness prints it: the last <see cref="TailLines"/> lines, or
        /// for a panic a few lines before it and its report. A final line without its line ending is included.
        /// </summary>
        private static IReadOnlyList<string> Tail(QemuMachine machine, SerialLine panic)
        {
            IReadOnlyList<SerialLine> lines = machine.Output.Lines;
            int first = panic == null
                ? Math.Max(0, lines.Count - TailLines)
                : Math.Max(0, panic.Number - 1 - LinesBeforePanic);
            int end = panic == null ? lines.Count : Math.Min(lines.Count, first + MaximumPanicReportLines);

            var tail = new List<string>();
            if (first > 0)
            {
                tail.Add($"({first} earlier lines left out)");
            }

            for (int index = first; index < end; index++)
            {
                tail.Add(lines[index].ToString());
            }

            if (end < lines.Count)
            {
                tail.Add($"({lines.Count - end} later lines left out)");
            }

            string text = machine.Output.Text;
            int lastLineEnd = text.LastIndexOf('\n');
            if (end == lines.Count && lastLineEnd < text.Length - 1 && !machine.Output.IsComplete)
            {
                tail.Add("[unterminated] " + text.Substring(lastLineEnd + 1));
            }

            if (lines.Count == 0 && tail.Count == 0)
            {
                tail.Add("(no serial output)");
            }

            return tail;
        }

        private static string FormatMinutes(TimeSpan time) =>
            time.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + (time.TotalMinutes == 1 ? " minute" : " minutes");
    }
}
