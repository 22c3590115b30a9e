using System;
using Internal.Formatting;

namespace Cosmos.Api
{
    /// <summary>
    /// One benchmark's samples reduced to the figures the benchmark line reports. <see cref="Count"/> is the number of
    /// samples summarized; 0 means the input was unusable (no array, or a count outside it) and every value is NaN.
    /// </summary>
    public readonly struct BenchmarkSummary
    {
        public BenchmarkSummary(double median, double mean, double standardDeviation, int count)
        {
            Median = median;
            Mean = mean;
            StandardDeviation = standardDeviation;
            Count = count;
        }

        public double Median { get; }

        public double Mean { get; }

        /// <summary>The sample standard deviation (divides by n - 1); 0 for a single sample.</summary>
        public double StandardDeviation { get; }

        public int Count { get; }
    }

    /// <summary>
    /// Statistics and the one-line report format for benchmarks measured inside the OS. The host benchmark runner
    /// (tests/Cosmos.Benchmarks) parses exactly the line <see cref="FormatLine"/> writes:
    /// "bench NAME median=V mean=V stddev=V n=N unit=UNIT" with " cycles=C" appended when a cycle count is given.
    /// Freestanding: nothing is allocated but the returned string (and, for an oversized line, one scratch array), and
    /// nothing throws on bad input.
    /// </summary>
    public static class BenchmarkStatistics
    {
        /// <summary>Every benchmark line starts with this; the runner collects the serial lines that do.</summary>
        public const string LinePrefix = "bench ";

        // Enough for a typical line ("bench thread_switch median=12345.6 mean=... cycles=...") without touching the heap.
        private const int InlineLineCapacity = 256;

        // The fixed words of a line, " cycles=" included.
        private const int FixedTextLength = 64;

        // The longest one-decimal number: sign, 309 integer digits (1.8e308), point, one decimal; also covers "-Infinity".
        private const int MaximumNumberLength = 312;

        // int.MinValue in decimal.
        private const int MaximumIntegerLength = 11;

        /// <summary>
        /// Median, mean and sample standard deviation (n - 1 in the denominator; 0 when there is one sample) of
        /// samples[0..count). Sorts those elements of <paramref name="samples"/> in place, ascending, so that the
        /// median needs no copy; the caller's array is reordered. An even count has as median the mean of the two
        /// middle values. A NaN sample makes every value NaN (Count still says how many samples there were) and
        /// leaves the array unsorted. A null array or a count below 1 or beyond the array gives Count 0 and NaN values.
        /// </summary>
        public static BenchmarkSummary Summarize(double[] samples, int count)
        {
            if (samples == null || count < 1 || count > samples.Length)
            {
                return new BenchmarkSummary(double.NaN, double.NaN, double.NaN, 0);
            }

            double sum = 0;
            for (int i = 0; i < count; i++)
            {
                double sample = samples[i];
                if (double.IsNaN(sample))
                {
                    // A sort by < would leave a NaN anywhere, so no median could be trusted.
                    return new BenchmarkSummary(double.NaN, double.NaN, double.NaN, count);
                }
                sum += sample;
            }

            SortAscending(samples, count);
            int middle = count / 2;
            double median = (count & 1) != 0 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
            double mean = sum / count;

            double squares = 0;
            for (int i = 0; i < count; i++)
            {
                double deviation = samples[i] - mean;
                squares += deviation * deviation;
            }
            double standardDeviation = count > 1 ? Math.Sqrt(squares / (count - 1)) : 0;
            return new BenchmarkSummary(median, mean, standardDeviation, count);
        }

        /// <summary>
        /// The benchmark line, without a line ending: "bench NAME median=V mean=V stddev=V n=N unit=UNIT", then
        /// " cycles=C" when <paramref name="medianCycles"/> is 0 or more (NaN counts as absent). Values have one
        /// decimal and C none, rounded half to even, with '.' as the decimal point whatever the culture. Spaces
        /// and control characters in <paramref name="name"/> and <paramref name="unit"/> become '_' and a null or
        /// empty one is written "?", so that the line always splits into the same words.
        /// </summary>
        public static string FormatLine(string name, in BenchmarkSummary summary, string unit, double medianCycles = -1)
        {
            Span<char> buffer = stackalloc char[InlineLineCapacity];
            int length = WriteLine(buffer, name, summary, unit, medianCycles);
            if (length < 0)
            {
                // Only a very long name or unit, or an astronomically large value, needs more than the inline buffer.
                buffer = new char[FixedTextLength + TokenLength(name) + TokenLength(unit) + MaximumIntegerLength + 4 * MaximumNumberLength];
                length = WriteLine(buffer, name, summary, unit, medianCycles);
            }
            return new string(buffer.Slice(0, length));
        }

        /// <summary>Writes the line into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
        private static int WriteLine(Span<char> destination, string name, in BenchmarkSummary summary, string unit, double medianCycles)
        {
            int position = 0;
            bool fits = AppendText(destination, ref position, LinePrefix)
                && AppendToken(destination, ref position, name)
                && AppendText(destination, ref position, " median=")
                && AppendNumber(destination, ref position, summary.Median, "F1")
                && AppendText(destination, ref position, " mean=")
                && AppendNumber(destination, ref position, summary.Mean, "F1")
                && AppendText(destination, ref position, " stddev=")
                && AppendNumber(destination, ref position, summary.StandardDeviation, "F1")
                && AppendText(destination, ref position, " n=")
                && AppendInteger(destination, ref position, summary.Count)
                && AppendText(destination, ref position, " unit=")
                && AppendToken(destination, ref position, unit);
            if (fits && medianCycles >= 0)
            {
                fits = AppendText(destination, ref position, " cycles=")
                    && AppendNumber(destination, ref position, medianCycles, "F0");
            }
            return fits ? position : -1;
        }

        private static int TokenLength(string token) => token == null || token.Length == 0 ? 1 : token.Length;

        private static bool AppendText(Span<char> destination, ref int position, string text)
        {
            if (destination.Length - position < text.Length)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                destination[position + i] = text[i];
            }
            position += text.Length;
            return true;
        }

        /// <summary>A word of the line: blanks and control characters would split it, so they become '_'.</summary>
        private static bool AppendToken(Span<char> destination, ref int position, string token)
        {
            if (token == null || token.Length == 0)
            {
                return AppendText(destination, ref position, "?");
            }
            if (destination.Length - position < token.Length)
            {
                return false;
            }
            for (int i = 0; i < token.Length; i++)
            {
                char character = token[i];
                destination[position + i] = character <= ' ' || character == '\u007F' ? '_' : character;
            }
            position += token.Length;
            return true;
        }

        private static bool AppendNumber(Span<char> destination, ref int position, double value, string format)
        {
            if (!FloatingPointFormatting.TryFormat(value, format, false, destination.Slice(position), out int written))
            {
                return false;
            }
            position += written;
            return true;
        }

        private static bool AppendInteger(Span<char> destination, ref int position, int value)
        {
            bool negative = value < 0;
            ulong magnitude = negative ? (ulong)(-(long)value) : (ulong)value;
            if (!NumberFormatting.TryWriteDecimal(magnitude, negative, 1, destination.Slice(position), out int written))
            {
                return false;
            }
            position += written;
            return true;
        }

        /// <summary>
        /// Heapsort of values[0..count), ascending: in place, no recursion and no allocation, O(n log n) whatever the
        /// input order. The caller has ruled out NaN.
        /// </summary>
        private static void SortAscending(double[] values, int count)
        {
            for (int root = count / 2 - 1; root >= 0; root--)
            {
                SiftDown(values, root, count);
            }
            for (int end = count - 1; end > 0; end--)
            {
                double largest = values[0];
                values[0] = values[end];
                values[end] = largest;
                SiftDown(values, 0, end);
            }
        }

        /// <summary>Moves values[root] down the max-heap values[0..count) until both its children are no larger.</summary>
        private static void SiftDown(double[] values, int root, int count)
        {
            double value = values[root];
            // The last index with a child is (count - 2) / 2; comparing against it keeps 2 * root + 1 from overflowing.
            int lastParent = (count - 2) / 2;
            while (count > 1 && root <= lastParent)
            {
                int child = 2 * root + 1;
                if (child + 1 < count && values[child + 1] > values[child])
                {
                    child++;
                }
                if (values[child] <= value)
                {
                    break;
                }
                values[root] = values[child];
                root = child;
            }
            values[root] = value;
        }
    }
}
