using System;
using System.Globalization;
using System.Threading;
using Cosmos.Api;
using Xunit;

namespace Libc.Tests
{
    public class BenchmarkStatisticsTests
    {
        [Fact]
        public void OddCountHasTheMiddleValueAsMedian()
        {
            double[] samples = { 9, 1, 5, 3, 7 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.Equal(5, summary.Median);
            Assert.Equal(5, summary.Mean);
            Assert.Equal(5, summary.Count);
        }

        [Fact]
        public void EvenCountHasTheMeanOfTheTwoMiddleValuesAsMedian()
        {
            double[] samples = { 40, 10, 30, 20 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.Equal(25, summary.Median);
            Assert.Equal(25, summary.Mean);

            double[] skewed = { 1, 100, 2, 3 };
            Assert.Equal(2.5, BenchmarkStatistics.Summarize(skewed, skewed.Length).Median);
            Assert.Equal(26.5, BenchmarkStatistics.Summarize(skewed, skewed.Length).Mean);
        }

        [Fact]
        public void StandardDeviationIsTheSampleOne()
        {
            // Population standard deviation 2, mean 5: the sample one is sqrt(32 / 7).
            double[] samples = { 2, 4, 4, 4, 5, 5, 7, 9 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.Equal(5, summary.Mean);
            Assert.Equal(4.5, summary.Median);
            Assert.Equal(Math.Sqrt(32.0 / 7.0), summary.StandardDeviation, 12);
            Assert.Equal(2.138089935299395, summary.StandardDeviation, 12);
        }

        [Fact]
        public void ConstantSamplesHaveNoDeviation()
        {
            double[] samples = { 3.25, 3.25, 3.25 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.Equal(0, summary.StandardDeviation);
            Assert.Equal(3.25, summary.Median);
        }

        [Fact]
        public void SingleSampleIsItsOwnMedianAndMeanWithZeroDeviation()
        {
            double[] samples = { 152.3 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, 1);
            Assert.Equal(152.3, summary.Median);
            Assert.Equal(152.3, summary.Mean);
            Assert.Equal(0, summary.StandardDeviation);
            Assert.Equal(1, summary.Count);
        }

        [Fact]
        public void SortsTheCountedPrefixInPlaceAndLeavesTheRestAlone()
        {
            double[] samples = { 3, 1, 2, -7, 100 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, 3);
            Assert.Equal(new double[] { 1, 2, 3, -7, 100 }, samples);
            Assert.Equal(2, summary.Median);
            Assert.Equal(2, summary.Mean);
            Assert.Equal(1, summary.StandardDeviation);
            Assert.Equal(3, summary.Count);
        }

        [Fact]
        public void SortAgreesWithTheHostSortForManySizesAndOrders()
        {
            var random = new Random(1234);
            for (int length = 1; length <= 64; length++)
            {
                for (int round = 0; round < 8; round++)
                {
                    double[] samples = new double[length];
                    for (int i = 0; i < length; i++)
                    {
                        // Few distinct values in odd rounds, so that duplicates are common.
                        samples[i] = round % 2 == 0 ? random.NextDouble() * 1000 - 500 : random.Next(4);
                    }
                    if (round == 2)
                    {
                        Array.Sort(samples);
                    }
                    if (round == 4)
                    {
                        Array.Sort(samples);
                        Array.Reverse(samples);
                    }
                    double[] expected = (double[])samples.Clone();
                    Array.Sort(expected);

                    BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, length);

                    Assert.Equal(expected, samples);
                    double median = length % 2 == 1 ? expected[length / 2] : (expected[length / 2 - 1] + expected[length / 2]) / 2;
                    Assert.Equal(median, summary.Median);
                }
            }
        }

        [Fact]
        public void UnusableInputGivesCountZeroAndNaN()
        {
            AssertEmpty(BenchmarkStatistics.Summarize(null, 3));
            AssertEmpty(BenchmarkStatistics.Summarize(new double[] { 1, 2 }, 0));
            AssertEmpty(BenchmarkStatistics.Summarize(new double[] { 1, 2 }, -1));
            AssertEmpty(BenchmarkStatistics.Summarize(new double[] { 1, 2 }, 3));
        }

        [Fact]
        public void NaNSampleMakesEveryValueNaN()
        {
            double[] samples = { 3, double.NaN, 1 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.True(double.IsNaN(summary.Median));
            Assert.True(double.IsNaN(summary.Mean));
            Assert.True(double.IsNaN(summary.StandardDeviation));
            Assert.Equal(3, summary.Count);
            Assert.Equal("bench broken median=NaN mean=NaN stddev=NaN n=3 unit=ns", BenchmarkStatistics.FormatLine("broken", summary, "ns"));
        }

        [Fact]
        public void FormatsTheExactLine()
        {
            var summary = new BenchmarkSummary(152.34, 153.96, 2.5, 10);
            Assert.Equal(
                "bench syscall_null median=152.3 mean=154.0 stddev=2.5 n=10 unit=ns",
                BenchmarkStatistics.FormatLine("syscall_null", summary, "ns"));
        }

        [Fact]
        public void AppendsCyclesAsAnIntegerWhenGiven()
        {
            var summary = new BenchmarkSummary(1520, 1534.06, 12.449, 1000);
            Assert.Equal(
                "bench thread_switch median=1520.0 mean=1534.1 stddev=12.4 n=1000 unit=ns cycles=4567",
                BenchmarkStatistics.FormatLine("thread_switch", summary, "ns", 4567.4));
            Assert.EndsWith(" unit=ns cycles=0", BenchmarkStatistics.FormatLine("x", summary, "ns", 0));
            Assert.EndsWith(" unit=ns", BenchmarkStatistics.FormatLine("x", summary, "ns", -0.5));
            Assert.EndsWith(" unit=ns", BenchmarkStatistics.FormatLine("x", summary, "ns", double.NaN));
        }

        [Fact]
        public void FormatsASummaryItComputed()
        {
            double[] samples = { 10, 12, 11, 13 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            Assert.Equal("bench copy median=11.5 mean=11.5 stddev=1.3 n=4 unit=us", BenchmarkStatistics.FormatLine("copy", summary, "us"));
        }

        [Fact]
        public void RoundsExactTiesToEven()
        {
            // 0.25 and 0.75 are exact in binary, so they are true ties at one decimal; 0.35 is just below 0.35.
            Assert.Equal("bench r median=0.2 mean=0.8 stddev=0.3 n=1 unit=ns cycles=2", BenchmarkStatistics.FormatLine("r", new BenchmarkSummary(0.25, 0.75, 0.35, 1), "ns", 2.5));
            Assert.EndsWith(" cycles=4", BenchmarkStatistics.FormatLine("r", new BenchmarkSummary(0, 0, 0, 1), "ns", 3.5));
            Assert.Equal("bench r median=-1.5 mean=0.0 stddev=0.0 n=1 unit=ns", BenchmarkStatistics.FormatLine("r", new BenchmarkSummary(-1.46, 0, 0, 1), "ns"));
        }

        [Fact]
        public void UsesAPointWhateverTheCulture()
        {
            CultureInfo previous = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal(
                    "bench c median=1234.5 mean=0.5 stddev=0.0 n=2 unit=ms",
                    BenchmarkStatistics.FormatLine("c", new BenchmarkSummary(1234.5, 0.5, 0, 2), "ms"));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = previous;
            }
        }

        [Fact]
        public void KeepsNameAndUnitOneWordEach()
        {
            var summary = new BenchmarkSummary(1, 1, 0, 1);
            Assert.Equal("bench a_b_c median=1.0 mean=1.0 stddev=0.0 n=1 unit=per_op", BenchmarkStatistics.FormatLine("a b\tc", summary, "per op"));
            Assert.Equal("bench ? median=1.0 mean=1.0 stddev=0.0 n=1 unit=?", BenchmarkStatistics.FormatLine(null, summary, ""));
        }

        [Fact]
        public void LongLinesLeaveTheInlineBuffer()
        {
            string name = new string('n', 300);
            var summary = new BenchmarkSummary(1e300, -2.5e20, 0.05, 7);
            string line = BenchmarkStatistics.FormatLine(name, summary, "ns", 1e30);
            string expected = "bench " + name + " median=1" + new string('0', 300) + ".0 mean=-250000000000000000000.0 stddev=0.1 n=7 unit=ns cycles=1" + new string('0', 30);
            // 1e300 and 1e30 are not exact in binary; compare the shape and the exact parts.
            Assert.StartsWith("bench " + name + " median=1", line);
            Assert.Contains(" mean=-250000000000000000000.0 stddev=0.1 n=7 unit=ns cycles=", line);
            Assert.Equal(expected.Length, line.Length);
            Assert.DoesNotContain("  ", line);
            Assert.False(line.EndsWith(" ", StringComparison.Ordinal));
        }

        private static void AssertEmpty(BenchmarkSummary summary)
        {
            Assert.Equal(0, summary.Count);
            Assert.True(double.IsNaN(summary.Median));
            Assert.True(double.IsNaN(summary.Mean));
            Assert.True(double.IsNaN(summary.StandardDeviation));
        }
    }
}
