using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Cosmos.Benchmarks.Tests
{
    public class BenchmarkReportTests
    {
        [Fact]
        public void CollectsFiguresInOrderAndSkipsOtherLines()
        {
            IReadOnlyList<BenchmarkLine> figures = BenchmarkReport.CollectFigures(new[]
            {
                "CosmosKernel 0.1.0 (x86-64 microkernel)",
                "kernel: ready, 243 MiB free",
                "bench b median=2.0 mean=2.0 stddev=0.0 n=5 unit=ns",
                "systest bench: running a",
                "bench a median=1.0 mean=1.0 stddev=0.0 n=5 unit=ns cycles=3",
            });
            Assert.Equal(2, figures.Count);
            Assert.Equal("b", figures[0].Name);
            Assert.Equal("a", figures[1].Name);
        }

        [Fact]
        public void MalformedFigureFailsTheRun()
        {
            var exception = Assert.Throws<BenchmarkException>(() => BenchmarkReport.CollectFigures(new[] { "bench a median=1 mean=1" }));
            Assert.Contains("malformed", exception.Message);
            Assert.Contains("bench a median=1 mean=1", exception.Message);
        }

        [Fact]
        public void RepeatedFigureFailsTheRun()
        {
            var exception = Assert.Throws<BenchmarkException>(() => BenchmarkReport.CollectFigures(new[]
            {
                "bench a median=1.0 mean=1.0 stddev=0.0 n=5 unit=ns",
                "bench a median=2.0 mean=2.0 stddev=0.0 n=5 unit=ns",
            }));
            Assert.Contains("twice", exception.Message);
        }

        [Fact]
        public void TheOperatingSystemMayNotReportBootToReady()
        {
            Assert.Throws<BenchmarkException>(() => BenchmarkReport.CollectFigures(new[] { "bench boot_to_ready median=1.0 mean=1.0 stddev=0.0 n=5 unit=ms" }));
        }

        [Fact]
        public void ReportsEachFigureFromItsMedianBootThenBootToReady()
        {
            var boots = new[]
            {
                Boot(1, 1000, "bench x median=10.0 mean=10.0 stddev=1.0 n=5 unit=ns", "bench y median=7.0 mean=7.0 stddev=0.0 n=5 unit=ns"),
                Boot(2, 1200, "bench x median=30.0 mean=30.0 stddev=1.0 n=5 unit=ns", "bench y median=5.0 mean=5.0 stddev=0.0 n=5 unit=ns"),
                Boot(3, 1100, "bench x median=20.0 mean=21.0 stddev=1.0 n=5 unit=ns cycles=40", "bench y median=6.0 mean=6.0 stddev=0.0 n=5 unit=ns"),
            };
            var warnings = new List<string>();

            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warnings.Add);

            Assert.Equal(
                new[]
                {
                    "bench x median=20.0 mean=21.0 stddev=1.0 n=5 unit=ns cycles=40",
                    "bench y median=6.0 mean=6.0 stddev=0.0 n=5 unit=ns",
                    "bench boot_to_ready median=1100.0 mean=1100.0 stddev=100.0 n=3 unit=ms",
                },
                report);
            Assert.Empty(warnings);
        }

        [Fact]
        public void EvenBootCountTakesTheLowerMiddleBoot()
        {
            var boots = new[]
            {
                Boot(1, 900, "bench x median=40.0 mean=40.0 stddev=0.0 n=5 unit=ns"),
                Boot(2, 1000, "bench x median=10.0 mean=10.0 stddev=0.0 n=5 unit=ns"),
                Boot(3, 1100, "bench x median=30.0 mean=30.0 stddev=0.0 n=5 unit=ns"),
                Boot(4, 1200, "bench x median=20.0 mean=20.0 stddev=0.0 n=5 unit=ns"),
            };

            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warning => throw new InvalidOperationException(warning));

            Assert.Equal("bench x median=20.0 mean=20.0 stddev=0.0 n=5 unit=ns", report[0]);
            Assert.Equal("bench boot_to_ready median=1050.0 mean=1050.0 stddev=129.1 n=4 unit=ms", report[1]);
        }

        [Fact]
        public void TiedMediansGoToTheEarlierBoot()
        {
            var boots = new[]
            {
                Boot(1, 1000, "bench x median=10.0 mean=11.0 stddev=0.0 n=5 unit=ns"),
                Boot(2, 1000, "bench x median=10.0 mean=12.0 stddev=0.0 n=5 unit=ns"),
                Boot(3, 1000, "bench x median=10.0 mean=13.0 stddev=0.0 n=5 unit=ns"),
            };

            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warning => { });

            Assert.Equal("bench x median=10.0 mean=12.0 stddev=0.0 n=5 unit=ns", report[0]);
        }

        [Fact]
        public void SingleBootHasNoDeviation()
        {
            IReadOnlyList<string> report = BenchmarkReport.Build(new[] { Boot(1, 1234.56) }, warning => { });
            Assert.Equal(new[] { "bench boot_to_ready median=1234.6 mean=1234.6 stddev=0.0 n=1 unit=ms" }, report);
        }

        [Fact]
        public void FigureMissingFromSomeBootsIsReportedFromTheOthersWithAWarning()
        {
            var boots = new[]
            {
                Boot(1, 1000, "bench x median=1.0 mean=1.0 stddev=0.0 n=5 unit=ns"),
                Boot(2, 1000, "bench x median=2.0 mean=2.0 stddev=0.0 n=5 unit=ns", "bench late median=8.0 mean=8.0 stddev=0.0 n=5 unit=ns"),
                Boot(3, 1000, "bench x median=3.0 mean=3.0 stddev=0.0 n=5 unit=ns", "bench late median=9.0 mean=9.0 stddev=0.0 n=5 unit=ns"),
            };
            var warnings = new List<string>();

            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warnings.Add);

            Assert.Equal(3, report.Count);
            Assert.Equal("bench x median=2.0 mean=2.0 stddev=0.0 n=5 unit=ns", report[0]);
            Assert.Equal("bench late median=8.0 mean=8.0 stddev=0.0 n=5 unit=ns", report[1]);
            Assert.Equal("late appeared in 2 of 3 boots; reported from those", Assert.Single(warnings));
        }

        [Fact]
        public void BootToPromptFollowsBootToReadyOverTheBootsThatShowedAPrompt()
        {
            var warnings = new List<string>();
            var boots = new[]
            {
                new BootMeasurement(1, 1000.0, Array.Empty<BenchmarkLine>(), 1400.0),
                new BootMeasurement(2, 1100.0, Array.Empty<BenchmarkLine>(), null),
                new BootMeasurement(3, 1200.0, Array.Empty<BenchmarkLine>(), 1600.0),
            };
            IReadOnlyList<string> report = BenchmarkReport.Build(boots, warnings.Add);
            Assert.Equal(2, report.Count);
            Assert.StartsWith("bench boot_to_ready ", report[0]);
            Assert.Equal("bench boot_to_prompt median=1500.0 mean=1500.0 stddev=141.4 n=2 unit=ms", report[1]);
            Assert.Equal("boot_to_prompt: the prompt appeared in 2 of 3 boots", Assert.Single(warnings));
            Assert.Throws<BenchmarkException>(() => BenchmarkReport.CollectFigures(new[] { "bench boot_to_prompt median=1.0 mean=1.0 stddev=0.0 n=5 unit=ms" }));
        }

        [Fact]
        public void AShellPromptInFrontOfAFigureIsNotPartOfIt()
        {
            IReadOnlyList<BenchmarkLine> figures = BenchmarkReport.CollectFigures(new[]
            {
                "$ bench syscall_null median=92.8 mean=100.2 stddev=158.9 n=10000 unit=ns cycles=195",
                "$ $ bench thread_switch median=3898.1 mean=4275.3 stddev=893.4 n=10000 unit=ns",
                "$ echo bench",
            });
            Assert.Equal(new[] { "syscall_null", "thread_switch" }, figures.Select(figure => figure.Name).ToArray());
            Assert.Equal("bench x", BenchmarkReport.WithoutPrompt("$ bench x"));
            Assert.Equal("a $ b", BenchmarkReport.WithoutPrompt("a $ b"));
        }

        private static BootMeasurement Boot(int number, double bootToReadyMilliseconds, params string[] lines) =>
            new BootMeasurement(number, bootToReadyMilliseconds, BenchmarkReport.CollectFigures(lines));
    }
}
