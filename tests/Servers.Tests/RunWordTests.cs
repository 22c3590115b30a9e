using Cosmos.Servers.RootTask;
using Xunit;

namespace Servers.Tests
{
    public class RunWordTests
    {
        [Fact]
        public void Sigma0AndDeviceSuffixesAreReadInOrder()
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("driver:x+sigma0+device=0xFEBF0000/16+register", out RunWord word));
            Assert.Equal(3, word.CapabilityRequests.Length);
            Assert.Equal(CapabilityRequestKind.Sigma0Memory, word.CapabilityRequests[0].Kind);
            CapabilityRequest device = word.CapabilityRequests[1];
            Assert.Equal(CapabilityRequestKind.DeviceMemory, device.Kind);
            Assert.Equal(0xFEBF0000UL, device.DeviceBase);
            Assert.Equal(16u, device.DeviceSizeLog2);
            Assert.Equal(0xFEBF0000UL | (16UL << 4), device.DeviceBadge);
            Assert.Equal(CapabilityRequestKind.Register, word.CapabilityRequests[2].Kind);
            Assert.Equal("driver x", word.CommandLine);
        }

        [Theory]
        [InlineData("device=4096/12", 4096UL, 12u)]
        [InlineData("device=0xE0000000/28", 0xE0000000UL, 28u)]
        [InlineData("device=0x0/47", 0UL, 47u)]
        [InlineData("device=0xFFFFFFFFF000/12", 0xFFFFFFFFF000UL, 12u)]
        [InlineData("device=0xFFFFFFFFFF000/12", 0xFFFFFFFFFF000UL, 12u)]
        public void DeviceRangesAreAccepted(string suffix, ulong physicalBase, uint sizeLog2)
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("fb+" + suffix, out RunWord word));
            Assert.Equal(physicalBase, word.CapabilityRequests[0].DeviceBase);
            Assert.Equal(sizeLog2, word.CapabilityRequests[0].DeviceSizeLog2);
        }

        [Theory]
        [InlineData("device=0x1000/11")]
        [InlineData("device=0x1000/48")]
        [InlineData("device=0x1800/12")]
        [InlineData("device=0x10000/17")]
        [InlineData("device=0x10000000000000/12")]
        [InlineData("device=0xFFFFFFFFFFFFFFFFF000/12")]
        [InlineData("device=0x1000")]
        [InlineData("device=/12")]
        [InlineData("device=0x1000/")]
        [InlineData("device=0xG000/12")]
        public void BadDeviceRangesAreRefused(string suffix)
        {
            Assert.Equal(RunWordError.InvalidDeviceRange, RunWord.TryParse("fb+" + suffix, out RunWord word));
            Assert.Null(word);
        }

        [Fact]
        public void Sigma0TakesNoArgument()
        {
            Assert.Equal(RunWordError.UnknownSuffix, RunWord.TryParse("fb+sigma0=1", out _));
        }

        [Fact]
        public void SpawnLetsTheProgramCreateTasksAndTakesNoNumberedSlot()
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("ipctest:bench+spawn+irq=1", out RunWord word));
            Assert.True(word.MayCreateTasks);
            Assert.Equal(CapabilityRequestKind.TaskCreation, word.CapabilityRequests[0].Kind);
            Assert.Equal(RunWordError.None, RunWord.TryParse("ipctest:bench+irq=1", out RunWord without));
            Assert.False(without.MayCreateTasks);
        }

        [Fact]
        public void ANameAloneIsItsOwnCommandLineAndAsksForNothing()
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("systest", out RunWord word));
            Assert.Equal("systest", word.ProgramName);
            Assert.Equal("systest", word.CommandLine);
            Assert.Empty(word.CapabilityRequests);
        }

        [Fact]
        public void ArgumentsBecomeTheCommandLineSeparatedBySpaces()
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("systest:spin:A:20", out RunWord word));
            Assert.Equal("systest", word.ProgramName);
            Assert.Equal("systest spin A 20", word.CommandLine);
            Assert.Empty(word.CapabilityRequests);
        }

        [Fact]
        public void SuffixesAreReadInTheirOrderAndLeftOutOfTheCommandLine()
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("keyboard:fast+io=0x60-0x64+register+irq=1", out RunWord word));
            Assert.Equal("keyboard", word.ProgramName);
            Assert.Equal("keyboard fast", word.CommandLine);
            Assert.Equal(3, word.CapabilityRequests.Length);

            CapabilityRequest ports = word.CapabilityRequests[0];
            Assert.Equal(CapabilityRequestKind.IoPorts, ports.Kind);
            Assert.Equal(0x60u, ports.FirstPort);
            Assert.Equal(0x64u, ports.LastPort);
            Assert.Equal(5u, ports.PortCount);

            Assert.Equal(CapabilityRequestKind.Register, word.CapabilityRequests[1].Kind);

            CapabilityRequest line = word.CapabilityRequests[2];
            Assert.Equal(CapabilityRequestKind.InterruptLine, line.Kind);
            Assert.Equal(1u, line.InterruptLine);
        }

        [Theory]
        [InlineData("io=0-65535", 0u, 65535u)]
        [InlineData("io=0x3F8-0x3FF", 0x3F8u, 0x3FFu)]
        [InlineData("io=1016-1023", 1016u, 1023u)]
        [InlineData("io=0x70-112", 0x70u, 0x70u)]
        [InlineData("io=0xffff-0xFFFF", 0xFFFFu, 0xFFFFu)]
        public void PortRangesAreDecimalOrHexadecimalAndInclusive(string suffix, uint first, uint last)
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("driver+" + suffix, out RunWord word));
            CapabilityRequest request = Assert.Single(word.CapabilityRequests);
            Assert.Equal(CapabilityRequestKind.IoPorts, request.Kind);
            Assert.Equal(first, request.FirstPort);
            Assert.Equal(last, request.LastPort);
            Assert.Equal(last - first + 1, request.PortCount);
        }

        [Theory]
        [InlineData("irq=0", 0u)]
        [InlineData("irq=15", 15u)]
        [InlineData("irq=0xC", 12u)]
        public void InterruptLinesFromZeroToFifteenAreAccepted(string suffix, uint line)
        {
            Assert.Equal(RunWordError.None, RunWord.TryParse("driver+" + suffix, out RunWord word));
            CapabilityRequest request = Assert.Single(word.CapabilityRequests);
            Assert.Equal(CapabilityRequestKind.InterruptLine, request.Kind);
            Assert.Equal(line, request.InterruptLine);
        }

        [Theory]
        [InlineData("driver+irq=16")]
        [InlineData("driver+irq=")]
        [InlineData("driver+irq=-1")]
        [InlineData("driver+irq=1x")]
        [InlineData("driver+irq=0x")]
        [InlineData("driver+irq=99999999999999999999")]
        public void BadInterruptLinesAreRefused(string text)
        {
            Assert.Equal(RunWordError.InvalidInterruptLine, RunWord.TryParse(text, out RunWord word));
            Assert.Null(word);
        }

        [Theory]
        [InlineData("driver+io=0x64-0x60")]
        [InlineData("driver+io=0-65536")]
        [InlineData("driver+io=0x60")]
        [InlineData("driver+io=-0x60")]
        [InlineData("driver+io=0x60-")]
        [InlineData("driver+io=0x60-0x6g")]
        [InlineData("driver+io=1-2-3")]
        [InlineData("driver+io=")]
        public void BadPortRangesAreRefused(string text)
        {
            Assert.Equal(RunWordError.InvalidPortRange, RunWord.TryParse(text, out RunWord word));
            Assert.Null(word);
        }

        [Theory]
        [InlineData("driver+bogus")]
        [InlineData("driver+")]
        [InlineData("driver+register+")]
        [InlineData("driver+Register")]
        [InlineData("driver+registers")]
        public void UnknownSuffixesAreRefused(string text)
        {
            Assert.Equal(RunWordError.UnknownSuffix, RunWord.TryParse(text, out RunWord word));
            Assert.Null(word);
        }

        [Theory]
        [InlineData("")]
        [InlineData(":spin")]
        [InlineData("+register")]
        public void AWordWithoutAProgramNameIsRefused(string text)
        {
            Assert.Equal(RunWordError.EmptyProgramName, RunWord.TryParse(text, out RunWord word));
            Assert.Null(word);
        }

        [Fact]
        public void RegisterTwiceIsRefused()
        {
            Assert.Equal(RunWordError.RepeatedRegister, RunWord.TryParse("server+register+irq=1+register", out RunWord word));
            Assert.Null(word);
        }

        [Fact]
        public void EightSuffixesAreTheLimit()
        {
            string eight = "driver" + string.Concat(System.Linq.Enumerable.Repeat("+irq=3", RunWord.MaximumCapabilityRequests));
            Assert.Equal(RunWordError.None, RunWord.TryParse(eight, out RunWord word));
            Assert.Equal(RunWord.MaximumCapabilityRequests, word.CapabilityRequests.Length);
            Assert.Equal(RunWordError.TooManySuffixes, RunWord.TryParse(eight + "+irq=4", out word));
            Assert.Null(word);
        }

        [Fact]
        public void EveryErrorHasItsOwnDescription()
        {
            var seen = new System.Collections.Generic.HashSet<string>();
            foreach (RunWordError error in System.Enum.GetValues<RunWordError>())
            {
                Assert.True(seen.Add(RunWord.Describe(error)), $"{error} shares its description with another error");
            }
        }
    }
}
