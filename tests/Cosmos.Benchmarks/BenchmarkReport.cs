using System;
using System.Collections.Generic;
using System.Linq;
using Cosmos.Api;

namespace Cosmos.Benchmarks
{
    /// <summary>
    /// Turns serial output into figures, and the figures of several boots into the runner's report: for each in-OS
    /// figure, the line of the boot whose median is the median of that figure's per-boot medians, then the host's
    /// boot_to_ready line over all boots.
    /// </summary>
    internal static class BenchmarkReport
    {
        /// <summary>The figure the host measures itself; the OS must not report one of that name.</summary>
        public const string BootToReadyName = "boot_to_ready";

        /// <summary>The other figure the host measures: QEMU's start to the shell's prompt.</summary>
        public const string BootToPromptName = "boot_to_prompt";

        /// <summary>
        /// The figures among one boot's serial lines, in order. Every line starting with "bench " must parse, and each
        /// name may appear once: a malformed or repeated figure is a bug in the OS's benchmarks and fails the run.
        /// </summary>
        public static IReadOnlyList<BenchmarkLine> CollectFigures(IEnumerable<string> serialLines)
        {
            ArgumentNullException.ThrowIfNull(serialLines);
            var figures = new List<BenchmarkLine>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (string serialLine in serialLines)
            {
                string text = WithoutPrompt(serialLine);
                if (!BenchmarkLine.IsCandidate(text))
                {
                    continue;
                }

                if (!BenchmarkLine.TryParse(text, out BenchmarkLine line))
                {
                    throw new BenchmarkException(
                        $"malformed benchmark line \"{text}\"; expected \"bench NAME median=V mean=V stddev=V n=N unit=UNIT[ cycles=C]\"");
                }

                if (line.Name == BootToReadyName || line.Name == BootToPromptName)
                {
                    throw new BenchmarkException($"the OS reported a figure named {line.Name}, which the host measures itself: \"{text}\"");
                }

                if (!names.Add(line.Name))
                {
                    throw new BenchmarkException($"the OS reported the figure {line.Name} twice in one boot: \"{text}\"");
                }

                figures.Add(line);
            }

            return figures;
        }

        /// <summary>The shell's prompt, which the serial driver may write just before a program's line reaches the UART.</summary>
        public const string Prompt = "$ ";

        /// <summary>
        /// <paramref name="line"/> without the shell's prompts in front: the shell and the benchmark programs share the
        /// serial line on the normal boot, and a prompt written between two of a program's lines ends up in front of the
        /// next one.
        /// </summary>
        public static string WithoutPrompt(string line)
        {
            ArgumentNullException.ThrowIfNull(line);
            while (line.StartsWith(Prompt, StringComparison.Ordinal))
            {
                line = line.Substring(Prompt.Length);
            }

            return line;
        }

        /// <summary>
        /// The report's lines, one per figure: the in-OS figures in the order they first appeared, then boot_to_ready, then
        /// boot_to_prompt over the boots that showed a prompt.
        /// For an even number of boots the lower of the two middle boots is chosen (a median of two boots matches
        /// neither), and ties go to the earlier boot. A figure missing from some boots is reported from the others, and
        /// <paramref name="warn"/> hears about it.
        /// </summary>
        public static IReadOnlyList<string> Build(IReadOnlyList<BootMeasurement> boots, Action<string> warn)
        {
            ArgumentNullException.ThrowIfNull(boots);
            ArgumentNullException.ThrowIfNull(warn);
            if (boots.Count == 0)
            {
                throw new ArgumentException("at least one boot is needed", nameof(boots));
            }

            var order = new List<string>();
            var byName = new Dictionary<string, List<BenchmarkLine>>(StringComparer.Ordinal);
            foreach (BootMeasurement boot in boots)
            {
                foreach (BenchmarkLine figure in boot.Figures)
                {
                    if (!byName.TryGetValue(figure.Name, out List<BenchmarkLine> lines))
                    {
                        lines = new List<BenchmarkLine>();
                        byName.Add(figure.Name, lines);
                        order.Add(figure.Name);
                    }

                    lines.Add(figure);
                }
            }

            var report = new List<string>();
            foreach (string name in order)
            {
                List<BenchmarkLine> lines = byName[name];
                if (lines.Count != boots.Count)
                {
                    warn($"{name} appeared in {lines.Count} of {boots.Count} boots; reported from those");
                }

                report.Add(SelectMedianLine(lines).Text);
            }

            double[] bootToReady = boots.Select(boot => boot.BootToReadyMilliseconds).ToArray();
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(bootToReady, bootToReady.Length);
            report.Add(BenchmarkStatistics.FormatLine(BootToReadyName, summary, "ms"));
            double[] bootToPrompt = boots.Where(boot => boot.BootToPromptMilliseconds.HasValue).Select(boot => boot.BootToPromptMilliseconds.Value).ToArray();
            if (bootToPrompt.Length > 0 && bootToPrompt.Length != boots.Count)
            {
                warn($"{BootToPromptName}: the prompt appeared in {bootToPrompt.Length} of {boots.Count} boots");
            }

            if (bootToPrompt.Length > 0)
            {
                report.Add(BenchmarkStatistics.FormatLine(BootToPromptName, BenchmarkStatistics.Summarize(bootToPrompt, bootToPrompt.Length), "ms"));
            }

            return report;
        }

        /// <summary>The line whose median is the (lower) median of the medians; OrderBy is stable, so ties keep boot order.</summary>
        public static BenchmarkLine SelectMedianLine(IReadOnlyList<BenchmarkLine> lines)
        {
            ArgumentNullException.ThrowIfNull(lines);
            if (lines.Count == 0)
            {
                throw new ArgumentException("at least one line is needed", nameof(lines));
            }

            List<BenchmarkLine> sorted = lines.OrderBy(line => line.Median).ToList();
            return sorted[(sorted.Count - 1) / 2];
        }
    }
}
