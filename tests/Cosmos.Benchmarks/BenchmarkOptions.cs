using System;
using System.Collections.Generic;
using System.Globalization;

namespace Cosmos.Benchmarks
{
    /// <summary>The runner's command line: `--boots N`, `--timeout MINUTES`, `--image PATH`, `--help`.</summary>
    internal sealed class BenchmarkOptions
    {
        public const int DefaultBoots = 3;

        public const string Usage =
            "usage: ./build.sh bench [--boots N] [--timeout MINUTES] [--image PATH]\n" +
            "   or: dotnet run --project tests/Cosmos.Benchmarks -c Release -- [options]\n" +
            "  --boots N          boot the OS N times, one after another (default 3)\n" +
            "  --timeout MINUTES  per boot, from QEMU start to \"roottask: all programs ended\" (default 10)\n" +
            "  --image PATH       the OS image (default COSMOS_OS_IMAGE, else iso/out/os.iso)\n" +
            "Prints one line per figure on stdout; progress and diagnostics go to stderr.";

        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

        public int Boots { get; private set; } = DefaultBoots;

        public TimeSpan Timeout { get; private set; } = DefaultTimeout;

        /// <summary>Null: the harness's default image.</summary>
        public string ImagePath { get; private set; }

        public bool ShowHelp { get; private set; }

        /// <summary>Parses the arguments; on a mistake returns false with <paramref name="error"/> saying what is wrong.</summary>
        public static bool TryParse(IReadOnlyList<string> arguments, out BenchmarkOptions options, out string error)
        {
            ArgumentNullException.ThrowIfNull(arguments);
            options = new BenchmarkOptions();
            error = null;
            for (int index = 0; index < arguments.Count; index++)
            {
                string argument = arguments[index];
                string name = argument;
                string value = null;
                int equals = argument.IndexOf('=', StringComparison.Ordinal);
                if (argument.StartsWith("--", StringComparison.Ordinal) && equals > 0)
                {
                    name = argument.Substring(0, equals);
                    value = argument.Substring(equals + 1);
                }

                switch (name)
                {
                    case "-h":
                    case "--help":
                        options.ShowHelp = true;
                        continue;
                    case "--boots":
                    case "--timeout":
                    case "--image":
                        break;
                    default:
                        error = $"unknown option \"{argument}\"";
                        return false;
                }

                if (value == null)
                {
                    if (index + 1 >= arguments.Count)
                    {
                        error = $"{name} needs a value";
                        return false;
                    }

                    value = arguments[++index];
                }

                switch (name)
                {
                    case "--boots":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int boots) || boots < 1)
                        {
                            error = $"--boots needs a whole number of at least 1, not \"{value}\"";
                            return false;
                        }

                        options.Boots = boots;
                        break;
                    case "--timeout":
                        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double minutes)
                            || !(minutes > 0) || minutes > 24 * 60)
                        {
                            error = $"--timeout needs minutes above 0 and at most a day, not \"{value}\"";
                            return false;
                        }

                        options.Timeout = TimeSpan.FromMinutes(minutes);
                        break;
                    default:
                        if (value.Length == 0)
                        {
                            error = "--image needs a path";
                            return false;
                        }

                        options.ImagePath = value;
                        break;
                }
            }

            return true;
        }
    }
}
