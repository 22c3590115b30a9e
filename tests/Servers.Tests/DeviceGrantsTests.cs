using Cosmos.Api.Memory;
using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class DeviceGrantsTests
    {
        private const ulong Driver = 0xFD00_0000 | (24 << 4);

        [Fact]
        public void OverlappingBlocksAreAlreadyGivenToAnyone()
        {
            var grants = new DeviceGrants();
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xFD00_0000, 22), Driver, out int first));
            Assert.Equal(Sigma0Status.AlreadyGiven, grants.Add(Block(0xFD10_0000, 12), Driver, out _));
            Assert.Equal(Sigma0Status.AlreadyGiven, grants.Add(Block(0xFD00_0000, 22), 0, out _));
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xFD40_0000, 22), 0, out int second));
            Assert.NotEqual(first, second);
            Assert.Equal(2, grants.Count);
        }

        [Fact]
        public void ReleaseNeedsTheSameBlockAndBadge()
        {
            var grants = new DeviceGrants();
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xFD00_0000, 22), Driver, out int index));
            Assert.Equal(-1, grants.Find(Block(0xFD00_0000, 22), 0));
            Assert.Equal(-1, grants.Find(Block(0xFD00_0000, 21), Driver));
            Assert.Equal(index, grants.Find(Block(0xFD00_0000, 22), Driver));
            grants.RemoveAt(index);
            Assert.Equal(0, grants.Count);
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xFD00_0000, 12), 0, out _));
        }

        [Fact]
        public void AFullTableIsNoMemory()
        {
            var grants = new DeviceGrants(capacity: 2);
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xE000_0000, 12), 0, out _));
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xE000_1000, 12), 0, out int second));
            Assert.Equal(Sigma0Status.NoMemory, grants.Add(Block(0xE000_2000, 12), 0, out _));
            grants.RemoveAt(second);
            Assert.Equal(Sigma0Status.Success, grants.Add(Block(0xE000_2000, 12), 0, out _));
        }
    }
}
