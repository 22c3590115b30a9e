using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Testing
{
    /// <summary>
    /// One headless QEMU guest booting the OS image, with its serial port captured and writable.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Waits work like `expect`: each <c>WaitFor...</c> call looks at the output after the point where the previous
    /// successful wait matched (initially the beginning), and on success moves that point past its match. So
    /// "send a command, then wait for the reply" never matches an older copy of the reply. Use <see cref="Output"/> to
    /// search everything regardless of that point.
    /// </para>
    /// <para>
    /// A wait fails with <see cref="QemuMachineException"/> when its timeout passes or QEMU exits first; the message holds
    /// the whole captured output. Disposing kills QEMU; QEMU is also tied to the test process so that it dies with it.
    /// </para>
    /// </remarks>
    public sealed class QemuMachine : IAsyncDisposable, IDisposable
    {
        /// <summary>QEMU's exit status when the kernel writes 0x10 to the isa-debug-exit port: (0x10 &lt;&lt; 1) | 1.</summary>
        public const int SuccessExitStatus = 33;

        /// <summary>QEMU's exit status when the kernel writes 0x11 to the isa-debug-exit port: (0x11 &lt;&lt; 1) | 1.</summary>
        public const int FailureExitStatus = 35;

        /// <summary>The marker iso/grub.cfg looks for at the start of the SMBIOS OEM string that carries the kernel command line.</summary>
        public const string KernelCommandLinePrefix = "cosmos:";

        // How long disposal waits for a killed QEMU and its pipes; killing is immediate, this only bounds the pathological case.
        private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(15);

        // Output beyond this many lines is shortened in failure messages to its head and tail, which is where the story is.
        private const int MaximumReportedLines = 400;
        private const int ReportedHeadLines = 60;

        private static readonly ConcurrentDictionary<QemuMachine, bool> s_runningMachines = new ConcurrentDictionary<QemuMachine, bool>();

        private readonly QemuOptions _options;
        private readonly string _imagePath;
        private readonly UefiFirmware _uefiFirmware;
        private readonly string _workingDirectory;
        private readonly Stopwatch _clock = new Stopwatch();
        private readonly StringBuilder _standardError = new StringBuilder();
        private readonly object _cursorLock = new object();
        private readonly SemaphoreSlim _monitorGate = new SemaphoreSlim(1, 1);
        private Process _process;
        private Stream _standardInput;
        private Task _serialReader = Task.CompletedTask;
        private Task _standardErrorReader = Task.CompletedTask;
        private QemuMonitor _monitor;
        private long _outputEndedTicks = -1;
        private int _cursor;
        private int _disposed;
        private bool _holdsSlot;

        static QemuMachine()
        {
            // Orderly exits of the test process (including SIGTERM) run this; a hard kill is covered by ChildProcessLauncher.
            AppDomain.CurrentDomain.ProcessExit += (sender, arguments) =>
            {
                foreach (QemuMachine machine in s_runningMachines.Keys)
                {
                    machine.Kill();
                }
            };
        }

        private QemuMachine(QemuOptions options, string imagePath, UefiFirmware uefiFirmware)
        {
            _options = options;
            _imagePath = imagePath;
            _uefiFirmware = uefiFirmware;
            _workingDirectory = CreateWorkingDirectory();
            Output = new SerialOutput(_clock);
        }

        /// <summary>Everything the guest has written to its serial port, with a timestamp per line.</summary>
        public SerialOutput Output { get; }

        /// <summary>The options this machine was started with.</summary>
        public QemuOptions Options => _options;

        /// <summary>The full QEMU command line, for logs.</summary>
        public string CommandLine { get; private set; }

        /// <summary>The QEMU process id (tests use it to prove that disposal leaves no process behind).</summary>
        public int ProcessId => _process.Id;

        /// <summary>Time since QEMU was started; the same clock as <see cref="SerialLine.Timestamp"/>.</summary>
        public TimeSpan Elapsed => _clock.Elapsed;

        public bool HasExited => _process.HasExited;

        /// <summary>QEMU's exit status once it has exited, otherwise null.</summary>
        public int? ExitStatus => _process.HasExited ? _process.ExitCode : null;

        /// <summary>
        /// Starts QEMU with <paramref name="options"/> (defaults: BIOS, CD-ROM, pc, 256 MiB, no kernel command line).
        /// Waits first for a free QEMU slot (see COSMOS_QEMU_INSTANCES); the wait does not count against any test timeout.
        /// </summary>
        public static async Task<QemuMachine> StartAsync(QemuOptions options = null, CancellationToken cancellationToken = default)
        {
            options ??= new QemuOptions();

            // Everything that can be wrong with the host is checked before queueing for a slot, so it fails at once and clearly.
            string imagePath = options.ImagePath ?? RepositoryLayout.FindImage();
            if (!File.Exists(imagePath))
            {
                throw new FileNotFoundException($"The OS image {imagePath} does not exist. Build it with `./build.sh iso`.", imagePath);
            }

            string qemuPath = FindExecutable(QemuEnvironment.QemuExecutable);
            UefiFirmware uefiFirmware = options.Firmware == Firmware.Uefi ? QemuEnvironment.FindUefiFirmware() : null;

            await QemuInstanceLimiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            QemuMachine machine;
            try
            {
                machine = new QemuMachine(options, imagePath, uefiFirmware);
            }
            catch
            {
                QemuInstanceLimiter.Release();
                throw;
            }

            machine._holdsSlot = true;
            try
            {
                await machine.StartProcessAsync(qemuPath).ConfigureAwait(false);
            }
            catch
            {
                machine.Dispose();
                throw;
            }

            return machine;
        }

        /// <summary>Waits for a complete line matching the regular expression <paramref name="pattern"/> and returns it.</summary>
        public Task<SerialLine> WaitForLineAsync(string pattern, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pattern);
            return WaitForLineAsync(new Regex(pattern, RegexOptions.CultureInvariant), timeout, cancellationToken);
        }

        /// <summary>Waits for a complete line matching <paramref name="pattern"/> and returns it.</summary>
        public Task<SerialLine> WaitForLineAsync(Regex pattern, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pattern);
            return WaitForLineAsync(pattern.IsMatch, $"a line matching /{pattern}/", timeout, cancellationToken);
        }

        /// <summary>
        /// Waits for a complete line for which <paramref name="predicate"/> is true and returns it; <paramref name="description"/>
        /// says in failure messages what was awaited.
        /// </summary>
        public Task<SerialLine> WaitForLineAsync(
            Func<string, bool> predicate,
            string description,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(predicate);
            return WaitAsync(
                () =>
                {
                    lock (_cursorLock)
                    {
                        SerialLine line = Output.FindLine(_cursor, predicate);
                        if (line != null)
                        {
                            _cursor = Math.Max(_cursor, line.End);
                        }

                        return line;
                    }
                },
                description ?? "a line satisfying a predicate",
                timeout,
                cancellationToken);
        }

        /// <summary>
        /// Waits for <paramref name="text"/> to appear anywhere in the output, even in a line that has not ended (a prompt),
        /// and returns the output from the previous match up to and including it, e.g. a command's reply before the next prompt.
        /// </summary>
        public Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(text);
            return WaitAsync(
                () =>
                {
                    lock (_cursorLock)
                    {
                        string unread = Output.TextAfter(_cursor);
                        int index = unread.IndexOf(text, StringComparison.Ordinal);
                        if (index < 0)
                        {
                            return null;
                        }

                        string consumed = unread.Substring(0, index + text.Length);
                        _cursor += consumed.Length;
                        return consumed;
                    }
                },
                $"the text \"{text}\"",
                timeout,
                cancellationToken);
        }

        /// <summary>
        /// Waits until <paramref name="condition"/>, evaluated on the whole output after every change, holds. Does not move
        /// the wait position. Use it for reports that span several lines, e.g. "the panic report names the method and CR2".
        /// </summary>
        public Task WaitUntilAsync(
            Func<SerialOutput, bool> condition,
            string description,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(condition);
            return WaitAsync(() => condition(Output) ? Output : null, description ?? "a condition on the output", timeout, cancellationToken);
        }

        /// <summary>Writes <paramref name="text"/> (UTF-8) to the guest's serial port, as if typed on a terminal.</summary>
        public async Task SendAsync(string text, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (_process.HasExited)
            {
                throw CreateFailure($"Cannot send {Quote(text)} to the serial port: QEMU has exited.");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text);
            try
            {
                await _standardInput.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await _standardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw CreateFailure($"Cannot send {Quote(text)} to the serial port: {exception.Message}", exception);
            }
        }

        /// <summary>
        /// Runs a human monitor command (the `(qemu)` prompt's language), e.g. "sendkey ctrl-alt-delete" or "info registers",
        /// and returns its output.
        /// </summary>
        public async Task<string> SendMonitorCommandAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(command);
            JsonNode result = await ExecuteMonitorCommandAsync(
                "human-monitor-command",
                new JsonObject { ["command-line"] = command },
                timeout,
                cancellationToken).ConfigureAwait(false);
            return result?.GetValue<string>() ?? "";
        }

        /// <summary>Runs a QMP command (e.g. "query-status", "system_reset") and returns its "return" value.</summary>
        public async Task<JsonNode> ExecuteMonitorCommandAsync(
            string command,
            JsonObject arguments = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(command);
            TimeSpan effectiveTimeout = timeout ?? _options.DefaultTimeout;
            try
            {
                QemuMonitor monitor = await GetMonitorAsync(effectiveTimeout, cancellationToken).ConfigureAwait(false);
                return await monitor.ExecuteAsync(command, arguments, effectiveTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                // A closed monitor usually means QEMU is exiting (the guest powered off); let it finish so the report says so.
                await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                throw CreateFailure($"The QEMU monitor command {command} failed: {exception.Message}", exception);
            }
        }

        /// <summary>
        /// Waits for QEMU to exit and returns its exit status: <see cref="SuccessExitStatus"/> (33) or
        /// <see cref="FailureExitStatus"/> (35) when the kernel ended the run through isa-debug-exit, 0 after a triple fault
        /// (-no-reboot turns the reset into an exit). Fails with the output when QEMU is still running at the timeout.
        /// </summary>
        public async Task<int> WaitForExitAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        {
            TimeSpan effectiveTimeout = timeout ?? _options.DefaultTimeout;
            try
            {
                await _process.WaitForExitAsync(cancellationToken).WaitAsync(effectiveTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw CreateFailure($"QEMU did not exit within {FormatSeconds(effectiveTimeout)}.");
            }

            // The serial pipe may still hold the last bytes the guest wrote; callers expect Output to be final now.
            await DrainPipesAsync().ConfigureAwait(false);
            return _process.ExitCode;
        }

        /// <summary>
        /// The QEMU command line, QEMU's state and error output, and the serial output with timestamps: what a failure
        /// message needs. Tests append it to their own assertion messages.
        /// </summary>
        public string GetDiagnosticReport()
        {
            var report = new StringBuilder();
            report.Append("QEMU command line: ").AppendLine(CommandLine ?? "(not started)");
            if (_process == null)
            {
                report.AppendLine("QEMU state: not started");
            }
            else if (_process.HasExited)
            {
                report.Append("QEMU state: exited with status ").Append(_process.ExitCode.ToString(CultureInfo.InvariantCulture))
                    .Append(" (").Append(DescribeExitStatus(_process.ExitCode)).Append(") after ")
                    .AppendLine(FormatSeconds(OutputEndedAt ?? _clock.Elapsed));
            }
            else
            {
                report.Append("QEMU state: running for ").AppendLine(FormatSeconds(_clock.Elapsed));
            }

            string standardError;
            lock (_standardError)
            {
                standardError = _standardError.ToString().TrimEnd();
            }

            if (standardError.Length > 0)
            {
                report.AppendLine("QEMU standard error:");
                foreach (string line in standardError.Split('\n'))
                {
                    report.Append("  ").AppendLine(line.TrimEnd('\r'));
                }
            }

            IReadOnlyList<SerialLine> lines = Output.Lines;
            report.Append("Serial output (").Append(lines.Count.ToString(CultureInfo.InvariantCulture))
                .AppendLine(" lines; [seconds since QEMU started]):");
            if (lines.Count == 0)
            {
                report.AppendLine("  (nothing)");
            }

            for (int index = 0; index < lines.Count; index++)
            {
                if (lines.Count > MaximumReportedLines && index == ReportedHeadLines)
                {
                    int skipped = lines.Count - MaximumReportedLines;
                    report.Append("  ... ").Append(skipped.ToString(CultureInfo.InvariantCulture)).AppendLine(" lines left out ...");
                    index += skipped - 1;
                    continue;
                }

                report.Append("  ").AppendLine(lines[index].ToString());
            }

            int consumed = lines.Count == 0 ? 0 : lines[lines.Count - 1].End;
            string unterminated = Output.TextAfter(Math.Min(consumed, Output.Length));
            if (unterminated.Length > 0)
            {
                report.Append("  [unterminated] ").AppendLine(unterminated);
            }

            return report.ToString();
        }

        /// <summary>Kills QEMU if it still runs, waits for it, and frees its slot and files.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Kill();
            if (_process != null)
            {
                try
                {
                    await _process.WaitForExitAsync().WaitAsync(s_shutdownTimeout).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Reported by nothing: the process was sent SIGKILL, which cannot be ignored; only a kernel hang delays it.
                }

                await DrainPipesAsync().ConfigureAwait(false);
            }

            ReleaseResources();
        }

        /// <summary>Kills QEMU if it still runs, waits for it, and frees its slot and files.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Kill();
            if (_process != null)
            {
                _process.WaitForExit((int)s_shutdownTimeout.TotalMilliseconds);
                try
                {
                    Task.WhenAll(_serialReader, _standardErrorReader).Wait(s_shutdownTimeout);
                }
                catch (AggregateException)
                {
                    // The readers end on their own errors; their output so far is all there is.
                }
            }

            ReleaseResources();
        }

        public override string ToString() =>
            $"QEMU {_options.Firmware} {_options.BootMedium} {_options.MachineType} \"{_options.KernelCommandLine}\"";

        private async Task StartProcessAsync(string qemuPath)
        {
            string[] arguments = BuildArguments();
            CommandLine = qemuPath + " " + string.Join(" ", arguments.Select(QuoteForShell));
            try
            {
                _process = await ChildProcessLauncher.StartAsync(qemuPath, arguments).ConfigureAwait(false);
            }
            catch (Win32Exception exception)
            {
                throw new InvalidOperationException($"Could not start QEMU ({CommandLine}): {exception.Message}", exception);
            }

            _clock.Start();
            s_runningMachines[this] = true;
            _standardInput = _process.StandardInput.BaseStream;

            // Plain thread-pool tasks: they must not depend on the caller's synchronization context (xunit limits its threads).
            Stream serial = _process.StandardOutput.BaseStream;
            StreamReader standardError = _process.StandardError;
            _serialReader = Task.Run(() => ReadSerialAsync(serial));
            _standardErrorReader = Task.Run(() => ReadStandardErrorAsync(standardError));
        }

        private string[] BuildArguments()
        {
            var arguments = new List<string>
            {
                "-name", "cosmos-test",
                // TCG, never KVM: results must not depend on the host's virtualization support, and KVM is broken here.
                "-accel", "tcg",
                "-machine", _options.MachineType == MachineType.Q35 ? "q35" : "pc",
                "-m", _options.MemoryMiB.ToString(CultureInfo.InvariantCulture),
                "-display", "none",
                // A triple fault ends the run (exit status 0) instead of rebooting into the same failure forever.
                "-no-reboot",
                "-serial", "stdio",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                // QMP on a socket of our own; naming a monitor also stops QEMU from creating its default one.
                "-chardev", $"socket,id=monitor,path={EscapeOptionValue(MonitorSocketPath)},server=on,wait=off",
                "-mon", "chardev=monitor,mode=control",
            };

            if (_uefiFirmware != null)
            {
                if (_uefiFirmware.VariableStorePath == null)
                {
                    arguments.Add("-bios");
                    arguments.Add(_uefiFirmware.CodePath);
                }
                else
                {
                    // Split firmware: read-only code, and a private writable copy of the variable store per machine.
                    string variables = Path.Combine(_workingDirectory, "OVMF_VARS.fd");
                    File.Copy(_uefiFirmware.VariableStorePath, variables);
                    arguments.Add("-drive");
                    arguments.Add($"if=pflash,format=raw,unit=0,readonly=on,file={EscapeOptionValue(_uefiFirmware.CodePath)}");
                    arguments.Add("-drive");
                    arguments.Add($"if=pflash,format=raw,unit=1,file={EscapeOptionValue(variables)}");
                }
            }

            if (_options.BootMedium == BootMedium.UsbStick)
            {
                // A private copy: a stick is writable, and parallel machines must not contend for one image file's lock.
                string stick = Path.Combine(_workingDirectory, "stick.img");
                File.Copy(_imagePath, stick);
                arguments.Add("-drive");
                arguments.Add($"if=none,id=stick,format=raw,file={EscapeOptionValue(stick)}");
                arguments.Add("-device");
                arguments.Add("usb-ehci,id=ehci");
                arguments.Add("-device");
                arguments.Add("usb-storage,bus=ehci.0,drive=stick,bootindex=1");
            }
            else
            {
                // -cdrom opens the image read-only, so parallel machines can share the one ISO.
                arguments.Add("-cdrom");
                arguments.Add(_imagePath);
            }

            // GRUB reads the first SMBIOS OEM string (type 11) and passes what follows "cosmos:" to the kernel (iso/grub.cfg);
            // the prefix keeps real machines' OEM strings out of the command line. Always present, so that GRUB does not
            // print an error about a missing structure when the command line is empty.
            string commandLine = _options.KernelCommandLine?.Trim() ?? "";
            arguments.Add("-smbios");
            arguments.Add($"type=11,value={EscapeOptionValue(KernelCommandLinePrefix + commandLine)}");

            arguments.AddRange(_options.ExtraArguments);
            return arguments.ToArray();
        }

        private TimeSpan? OutputEndedAt
        {
            get
            {
                long ticks = Interlocked.Read(ref _outputEndedTicks);
                return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
            }
        }

        private string MonitorSocketPath => Path.Combine(_workingDirectory, "qmp.sock");

        private async Task<T> WaitAsync<T>(Func<T> probe, string description, TimeSpan? timeout, CancellationToken cancellationToken)
            where T : class
        {
            TimeSpan effectiveTimeout = timeout ?? _options.DefaultTimeout;
            var waited = Stopwatch.StartNew();
            while (true)
            {
                // Taken before probing: a change that lands between the probe and the await still wakes us.
                Task nextChange = Output.NextChange;
                T result = probe();
                if (result != null)
                {
                    return result;
                }

                if (Output.IsComplete)
                {
                    // The pipe closes when QEMU exits; give the process a moment to be reaped so the status can be reported.
                    await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                    string status = _process.HasExited ? $" with status {_process.ExitCode} ({DescribeExitStatus(_process.ExitCode)})" : "";
                    throw CreateFailure($"QEMU exited{status} before {description} appeared.");
                }

                TimeSpan remaining = effectiveTimeout - waited.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw CreateFailure($"Timed out after {FormatSeconds(effectiveTimeout)} waiting for {description}.");
                }

                try
                {
                    await nextChange.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Loop once more: the final probe and the timeout message happen above.
                }
            }
        }

        private async Task<QemuMonitor> GetMonitorAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            await _monitorGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _monitor ??= await QemuMonitor.ConnectAsync(MonitorSocketPath, timeout, cancellationToken).ConfigureAwait(false);
                return _monitor;
            }
            finally
            {
                _monitorGate.Release();
            }
        }

        private async Task ReadSerialAsync(Stream serial)
        {
            byte[] buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int count = await serial.ReadAsync(buffer).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    Output.Append(buffer.AsSpan(0, count));
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // The pipe went away with the process; what was read is the output.
            }
            finally
            {
                // QEMU's end of the pipe closes when it exits: the closest measure of when it did.
                Interlocked.Exchange(ref _outputEndedTicks, _clock.Elapsed.Ticks);
                Output.Complete();
            }
        }

        private async Task ReadStandardErrorAsync(StreamReader standardError)
        {
            char[] buffer = new char[1024];
            try
            {
                while (true)
                {
                    int count = await standardError.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    lock (_standardError)
                    {
                        _standardError.Append(buffer, 0, count);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
            }
        }

        private async Task WaitForExitQuietlyAsync(TimeSpan timeout)
        {
            try
            {
                await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Still running: the caller reports that state.
            }
        }

        private async Task DrainPipesAsync()
        {
            try
            {
                await Task.WhenAll(_serialReader, _standardErrorReader).WaitAsync(s_shutdownTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Only possible if something else inherited the pipe; the output read so far stands.
            }
        }

        private void Kill()
        {
            try
            {
                if (_process != null && !_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Already gone, or exiting right now.
            }
        }

        private void ReleaseResources()
        {
            s_runningMachines.TryRemove(this, out _);
            _monitor?.Dispose();
            _process?.Dispose();
            try
            {
                Directory.Delete(_workingDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless; failing a test over it would not be.
            }

            if (_holdsSlot)
            {
                _holdsSlot = false;
                QemuInstanceLimiter.Release();
            }
        }

        private QemuMachineException CreateFailure(string summary, Exception innerException = null)
        {
            string message = summary + Environment.NewLine + GetDiagnosticReport();
            return new QemuMachineException(message, Output.Text, innerException);
        }

        private static string CreateWorkingDirectory()
        {
            // Holds the monitor socket, the USB stick copy and the UEFI variable store. A Unix socket path must stay under
            // 108 bytes, so fall back to /tmp when TMPDIR is deep.
            string temporary = Path.GetTempPath();
            if (temporary.Length > 60)
            {
                temporary = "/tmp";
            }

            string path = Path.Combine(temporary, "cosmos-qemu-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(path);
            return path;
        }

        private static string FindExecutable(string name)
        {
            if (name.Contains('/'))
            {
                if (File.Exists(name))
                {
                    return name;
                }
            }
            else
            {
                string searchPath = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
                foreach (string directory in searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
                {
                    string candidate = Path.Combine(directory, name);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            throw new FileNotFoundException(
                $"QEMU ({name}) was not found. Install the Debian package qemu-system-x86 (./build.sh iso installs it) or set COSMOS_QEMU.",
                name);
        }

        private static string DescribeExitStatus(int status) => status switch
        {
            SuccessExitStatus => "kernel reported success through isa-debug-exit",
            FailureExitStatus => "kernel reported failure through isa-debug-exit",
            0 => "guest reset or powered off, e.g. a triple fault with -no-reboot",
            137 => "killed",
            _ when (status & 1) == 1 && status > 1 && status < 512 => $"isa-debug-exit value 0x{status >> 1:x}",
            _ => "QEMU error",
        };

        // QEMU's option parser separates key=value pairs with commas; a literal comma is written twice.
        private static string EscapeOptionValue(string value) => value.Replace(",", ",,", StringComparison.Ordinal);

        private static string QuoteForShell(string argument) =>
            argument.Length > 0 && argument.All(character => char.IsAsciiLetterOrDigit(character) || "-_=.,/:+@".Contains(character))
                ? argument
                : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static string Quote(string text) => "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";

        private static string FormatSeconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
    }
}
