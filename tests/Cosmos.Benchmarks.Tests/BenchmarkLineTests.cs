using Cosmos.Api;
using Xunit;

namespace Cosmos.Benchmarks.Tests
{
    public class BenchmarkLineTests
    {
        [Fact]
        public void ParsesEveryField()
        {
            string text = "bench thread_switch median=1520.0 mean=1534.1 stddev=12.4 n=1000 unit=ns cycles=4567";
            Assert.True(BenchmarkLine.TryParse(text, out BenchmarkLine line));
            Assert.Equal(text, line.Text);
            Assert.Equal("thread_switch", line.Name);
            Assert.Equal(1520.0, line.Median);
            Assert.Equal(1534.1, line.Mean);
            Assert.Equal(12.4, line.StandardDeviation);
            Assert.Equal(1000, line.Count);
            Assert.Equal("ns", line.Unit);
            Assert.Equal(4567L, line.Cycles);
        }

        [Fact]
        public void CyclesAreOptional()
        {
            Assert.True(BenchmarkLine.TryParse("bench syscall_null median=152.3 mean=-0.5 stddev=0.0 n=1 unit=us", out BenchmarkLine line));
            Assert.Null(line.Cycles);
            Assert.Equal(-0.5, line.Mean);
            Assert.Equal("us", line.Unit);
        }

        [Fact]
        public void AcceptsTheWordsForValuesThatAreNotFinite()
        {
            Assert.True(BenchmarkLine.TryParse("bench broken median=NaN mean=Infinity stddev=-Infinity n=3 unit=ns", out BenchmarkLine line));
            Assert.True(double.IsNaN(line.Median));
            Assert.True(double.IsPositiveInfinity(line.Mean));
            Assert.True(double.IsNegativeInfinity(line.StandardDeviation));
        }

        [Theory]
        [InlineData("bench")]
        [InlineData("bench ")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=1")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=1 unit=ns ")]
        [InlineData("bench x  median=1.0 mean=1.0 stddev=0.0 n=1 unit=ns")]
        [InlineData("bench x mean=1.0 median=1.0 stddev=0.0 n=1 unit=ns")]
        [InlineData("bench x median=1,5 mean=1.0 stddev=0.0 n=1 unit=ns")]
        [InlineData("bench x median=1e3 mean=1.0 stddev=0.0 n=1 unit=ns")]
        [InlineData("bench x median=fast mean=1.0 stddev=0.0 n=1 unit=ns")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=-1 unit=ns")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=1 unit=ns cycles=12.5")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=1 unit=ns cycles=")]
        [InlineData("bench x median=1.0 mean=1.0 stddev=0.0 n=99999999999 unit=ns")]
        [InlineData(" bench x median=1.0 mean=1.0 stddev=0.0 n=1 unit=ns")]
        public void RejectsAnythingButTheExactForm(string text)
        {
            Assert.False(BenchmarkLine.TryParse(text, out BenchmarkLine line));
            Assert.Null(line);
        }

        [Theory]
        [InlineData("bench x", true)]
        [InlineData("bench: boot 1 of 3: started", false)]
        [InlineData("systest bench: done", false)]
        [InlineData("benchmark x", false)]
        public void CandidatesStartWithBenchAndASpace(string text, bool expected)
        {
            Assert.Equal(expected, BenchmarkLine.IsCandidate(text));
        }

        [Fact]
        public void ReadsWhatTheOperatingSystemsFormatterWrites()
        {
            double[] samples = { 12, 10, 11, 13 };
            BenchmarkSummary summary = BenchmarkStatistics.Summarize(samples, samples.Length);
            string text = BenchmarkStatistics.FormatLine("ipc_round_trip", summary, "ns", 2400);
            Assert.True(BenchmarkLine.TryParse(text, out BenchmarkLine line));
            Assert.Equal("ipc_round_trip", line.Name);
            Assert.Equal(11.5, line.Median);
            Assert.Equal(1.3, line.StandardDeviation);
            Assert.Equal(4, line.Count);
            Assert.Equal(2400L, line.Cycles);
        }
    }
}
