using Cosmos.Servers.Sigma0;
using Xunit;
using static Servers.Tests.Sigma0TestMemory;

namespace Servers.Tests
{
    public class DeviceAuthorityTests
    {
        private const ulong Framebuffer = 0xFD00_0000;

        private static ulong Badge(ulong regionBase, int sizeLog2) => regionBase | ((ulong)sizeLog2 << 4);

        [Fact]
        public void TheUnbadgedRightAllowsEveryBlock()
        {
            Assert.True(DeviceAuthority.Allows(0, Block(Framebuffer, 22)));
            Assert.True(DeviceAuthority.Allows(0, Block(0xFEC0_0000, 12)));
        }

        [Fact]
        public void ABadgedRightAllowsOnlyBlocksInsideItsRegion()
        {
            ulong badge = Badge(Framebuffer, 24); // 16 MiB
            Assert.True(DeviceAuthority.Allows(badge, Block(Framebuffer, 22)));
            Assert.True(DeviceAuthority.Allows(badge, Block(Framebuffer + 0xFF_F000, 12)));
            Assert.False(DeviceAuthority.Allows(badge, Block(Framebuffer + 0x100_0000, 12)));
            Assert.False(DeviceAuthority.Allows(badge, Block(Framebuffer - 0x1000, 12)));
            Assert.False(DeviceAuthority.Allows(Badge(0xFEB0_0000, 12), Block(0xFEB0_0000, 13)));
            Assert.True(DeviceAuthority.Allows(Badge(0xFEB0_0000, 12) | 3, Block(0xFEB0_0000, 12)));
        }

        [Fact]
        public void ABadgeThatIsNoRegionAllowsNothing()
        {
            Assert.False(DeviceAuthority.Allows(Badge(0xFEB0_1000, 13), Block(0xFEB0_0000, 12))); // misaligned base
            Assert.False(DeviceAuthority.Allows(Badge(0xFEB0_0000, 11), Block(0xFEB0_0000, 12))); // below a frame
            Assert.False(DeviceAuthority.Allows(Badge(0, 53), Block(0xFEB0_0000, 12))); // past the physical address space
            Assert.False(DeviceAuthority.Allows(Badge(0xFEB0_0000, 12) | 8, Block(0xFEB0_0000, 12))); // reserved bit 3
            Assert.False(DeviceAuthority.Allows(2, Block(0, 12)));
        }
    }
}
