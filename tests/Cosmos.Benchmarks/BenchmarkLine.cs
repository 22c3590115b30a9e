using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cosmos.Benchmarks
{
    /// <summary>
    /// One figure as the OS reports it on the serial port (Libc's BenchmarkStatistics.FormatLine writes it):
    /// "bench NAME median=V mean=V stddev=V n=N unit=UNIT", optionally followed by " cycles=C".
    /// </summary>
    internal sealed class BenchmarkLine
    {
        /// <summary>Every serial line that starts with this is a figure and must parse as one.</summary>
        public const string Prefix = "bench ";

        private static readonly Regex s_format = new Regex(
            @"^bench (?<name>\S+) median=(?<median>\S+) mean=(?<mean>\S+) stddev=(?<stddev>\S+) n=(?<count>\d+) unit=(?<unit>\S+)(?: cycles=(?<cycles>\d+))?$",
            RegexOptions.CultureInvariant);

        private BenchmarkLine(string text, string name, double median, double mean, double standardDeviation, int count, string unit, long? cycles)
        {
            Text = text;
            Name = name;
            Median = median;
            Mean = mean;
            StandardDeviation = standardDeviation;
            Count = count;
            Unit = unit;
            Cycles = cycles;
        }

        /// <summary>The line as the OS printed it; the runner prints the chosen boot's line verbatim.</summary>
        public string Text { get; }

        public string Name { get; }

        public double Median { get; }

        public double Mean { get; }

        public double StandardDeviation { get; }

        /// <summary>How many samples the OS took (n=).</summary>
        public int Count { get; }

        public string Unit { get; }

        /// <summary>The median in CPU cycles, when the OS measured them.</summary>
        public long? Cycles { get; }

        public static bool IsCandidate(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

        /// <summary>Parses one serial line; false when it does not have the exact form, numbers included.</summary>
        public static bool TryParse(string text, out BenchmarkLine line)
        {
            line = null;
            if (text == null)
            {
                return false;
            }

            Match match = s_format.Match(text);
            if (!match.Success
                || !TryParseValue(match.Groups["median"].Value, out double median)
                || !TryParseValue(match.Groups["mean"].Value, out double mean)
                || !TryParseValue(match.Groups["stddev"].Value, out double standardDeviation)
                || !int.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                return false;
            }

            long? cycles = null;
            if (match.Groups["cycles"].Success)
            {
                if (!long.TryParse(match.Groups["cycles"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    return false;
                }

                cycles = value;
            }

            line = new BenchmarkLine(text, match.Groups["name"].Value, median, mean, standardDeviation, count, match.Groups["unit"].Value, cycles);
            return true;
        }

        // "152.3", "-0.5", and the words the OS's formatter writes for values that are not finite; no exponents, no group separators.
        private static bool TryParseValue(string text, out double value)
        {
            switch (text)
            {
                case "NaN":
                    value = double.NaN;
                    return true;
                case "Infinity":
                    value = double.PositiveInfinity;
                    return true;
                case "-Infinity":
                    value = double.NegativeInfinity;
                    return true;
                default:
                    return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            }
        }
    }
}
