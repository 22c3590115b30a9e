using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class RamRangesTests
    {
        [Fact]
        public void RangesAreSortedMergedAndNumberedInAddressOrder()
        {
            RamRanges ram = Ranges((16 * MiB, 4 * MiB), (1 * MiB, 1 * MiB), (2 * MiB, 2 * MiB), (20 * MiB, 0), (19 * MiB, 2 * MiB));
            Assert.Equal(2, ram.Count);
            Assert.Equal(1 * MiB, ram.BaseOf(0));
            Assert.Equal(4 * MiB, ram.EndOf(0));
            Assert.Equal(16 * MiB, ram.BaseOf(1));
            Assert.Equal(21 * MiB, ram.EndOf(1));
            Assert.Equal(768, ram.FirstFrameOf(1));
            Assert.Equal((3 + 5) * 256, ram.FrameCount);
            Assert.Equal(1, ram.RangeOf(16 * MiB));
            Assert.Equal(-1, ram.RangeOf(4 * MiB));
            Assert.Equal(-1, ram.RangeOf(0));
            Assert.Equal(768 + 1, ram.FrameNumberOf(1, 16 * MiB + 4096));
            Assert.Equal(16 * MiB + 4096, ram.AddressOf(1, 768 + 1));
        }

        [Fact]
        public void PartialFramesAtTheEdgesAreLeftOut()
        {
            RamRanges ram = Ranges((0x1800, 0x3000));
            Assert.Equal(1, ram.Count);
            Assert.Equal(0x2000UL, ram.BaseOf(0));
            Assert.Equal(0x4000UL, ram.EndOf(0));
            Assert.Equal(2, ram.FrameCount);
        }

        [Fact]
        public void ContainsAllNeedsTheWholeBlockAndContainsAnyOneByte()
        {
            RamRanges ram = Ranges((1 * MiB, 3 * MiB));
            Assert.True(ram.ContainsAll(Block(2 * MiB, 21)));
            Assert.False(ram.ContainsAll(Block(0, 22)));
            Assert.True(ram.ContainsAny(Block(0, 22)));
            Assert.False(ram.ContainsAny(Block(4 * MiB, 22)));
            Assert.False(ram.ContainsAny(Block(0, 20)));
        }
    }
}
