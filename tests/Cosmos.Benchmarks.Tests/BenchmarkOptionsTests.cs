using System;
using Xunit;

namespace Cosmos.Benchmarks.Tests
{
    public class BenchmarkOptionsTests
    {
        [Fact]
        public void DefaultsToThreeBootsOfTenMinutesAtMost()
        {
            Assert.True(BenchmarkOptions.TryParse(Array.Empty<string>(), out BenchmarkOptions options, out string error));
            Assert.Null(error);
            Assert.Equal(3, options.Boots);
            Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
            Assert.Null(options.ImagePath);
            Assert.False(options.ShowHelp);
        }

        [Fact]
        public void ReadsValuesAfterASpaceOrAnEqualsSign()
        {
            Assert.True(BenchmarkOptions.TryParse(new[] { "--boots", "5", "--timeout=0.5", "--image", "/tmp/os.iso" }, out BenchmarkOptions options, out _));
            Assert.Equal(5, options.Boots);
            Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
            Assert.Equal("/tmp/os.iso", options.ImagePath);

            Assert.True(BenchmarkOptions.TryParse(new[] { "--boots=1" }, out options, out _));
            Assert.Equal(1, options.Boots);
        }

        [Fact]
        public void HelpIsAnOption()
        {
            Assert.True(BenchmarkOptions.TryParse(new[] { "--help" }, out BenchmarkOptions options, out _));
            Assert.True(options.ShowHelp);
        }

        [Theory]
        [InlineData("--boots", "0")]
        [InlineData("--boots", "-1")]
        [InlineData("--boots", "three")]
        [InlineData("--boots")]
        [InlineData("--timeout", "0")]
        [InlineData("--timeout", "-5")]
        [InlineData("--timeout", "NaN")]
        [InlineData("--image=")]
        [InlineData("--verbose")]
        [InlineData("5")]
        public void RejectsMistakesWithAReason(params string[] arguments)
        {
            Assert.False(BenchmarkOptions.TryParse(arguments, out _, out string error));
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }
}
