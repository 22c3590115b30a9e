using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cosmos.Benchmarks
{
    /// <summary>
    /// `./build.sh bench`: boots the OS image --boots times in a row and prints on stdout, one line per figure, each
    /// in-OS figure from its median boot and then boot_to_ready over all boots. Everything else goes to stderr,
    /// each line prefixed "bench:". Exit status: 0 figures printed, 1 a boot failed, 2 bad arguments, 130 interrupted.
    /// </summary>
    internal static class Program
    {
        private const int Success = 0;
        private const int Failure = 1;
        private const int UsageError = 2;
        private const int Interrupted = 130;

        private static async Task<int> Main(string[] arguments)
        {
            if (!BenchmarkOptions.TryParse(arguments, out BenchmarkOptions options, out string error))
            {
                Log(error);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return UsageError;
            }

            if (options.ShowHelp)
            {
                Console.Out.WriteLine(BenchmarkOptions.Usage);
                return Success;
            }

            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (sender, eventArguments) =>
            {
                // Cancel the waits and let disposal stop QEMU, instead of dying with a guest still running.
                eventArguments.Cancel = true;
                cancellation.Cancel();
            };

            var runner = new BootRunner(options, Log);
            var boots = new List<BootMeasurement>();
            try
            {
                for (int boot = 1; boot <= options.Boots; boot++)
                {
                    boots.Add(await runner.RunAsync(boot, cancellation.Token).ConfigureAwait(false));
                }
            }
            catch (BootFailedException exception)
            {
                Log(exception.Message);
                Log("QEMU command line: " + exception.CommandLine);
                Log("serial output, end:");
                foreach (string line in exception.SerialTail)
                {
                    Log("  " + line);
                }

                return Failure;
            }
            catch (OperationCanceledException)
            {
                Log("interrupted; no figures");
                return Interrupted;
            }
            catch (Exception exception) when (exception is FileNotFoundException or InvalidOperationException or TimeoutException)
            {
                // No image, no QEMU, QEMU would not start, or no QEMU slot: the harness's message names the fix.
                Log(exception.Message);
                return Failure;
            }

            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warning => Log("warning: " + warning));
            if (report.Count == 1)
            {
                Log("warning: the OS reported no figures of its own; only boot_to_ready is measured");
            }

            foreach (string line in report)
            {
                Console.Out.WriteLine(line);
            }

            return Success;
        }

        private static void Log(string message) => Console.Error.WriteLine("bench: " + message);
    }
}
