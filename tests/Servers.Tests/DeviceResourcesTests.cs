using Cosmos.Api.Devices;
using Cosmos.Servers.RootTask;
using Xunit;

namespace Servers.Tests
{
    /// <summary>The run words the root task builds for the console and the disk drivers from hardware facts.</summary>
    public class DeviceResourcesTests
    {
        [Fact]
        public void TheConsoleGetsVgaTextAndTheFramebufferBlock()
        {
            Assert.Equal("console+register+device=0xb8000/15+io=0x3d4-0x3d5", DeviceResources.ConsoleRunWord(0, 0, 0, 0));
            Assert.Equal("console+register+device=0xb8000/15+io=0x3d4-0x3d5", DeviceResources.ConsoleRunWord(0xB8000, 160, 25, 2)); // EGA text: no framebuffer
            // OVMF's 1280x800x32 framebuffer at 0x80000000: 4000 KiB, covered by a 4 MiB block.
            Assert.Equal("console+register+device=0xb8000/15+io=0x3d4-0x3d5+device=0x80000000/22", DeviceResources.ConsoleRunWord(0x8000_0000, 5120, 800, 1));
            // 1920x1080x32 (8100 KiB) needs 8 MiB.
            Assert.EndsWith("+device=0xfd000000/23", DeviceResources.ConsoleRunWord(0xFD00_0000, 7680, 1080, 1));
        }

        [Theory]
        [InlineData(0x1000UL, 0x1000UL, 12)]
        [InlineData(0x1000UL, 1UL, 12)]
        [InlineData(0x1800UL, 0x1000UL, 14)]      // straddles an 8 KiB boundary: 16 KiB from 0
        [InlineData(0xFEBD_5000UL, 0x1000UL, 12)]
        [InlineData(0x8000_0000UL, 0x40_0000UL, 22)]
        [InlineData(0x80_1000UL, 0x40_0000UL, 23)] // not aligned: the 8 MiB block from 0x800000 covers it
        public void CoveringBlocksAreNaturallyAlignedAndCover(ulong physical, ulong bytes, int expected)
        {
            int log2 = DeviceResources.CoveringBlockLog2(physical, bytes);
            Assert.Equal(expected, log2);
            ulong start = physical & ~((1UL << log2) - 1);
            Assert.True(start + (1UL << log2) >= physical + bytes);
        }

        [Fact]
        public void ALegacyModePiixIdeGetsThePrimaryChannelAndItsBusMasterPorts()
        {
            PciFunction ide = Function(0x010180, 0xFF, bar4: new PciBar { Base = 0xC040, Size = 16, Flags = PciBarFlags.Io });
            Assert.Equal("disk:ide:1+register+sigma0+io=0x1f0-0x1f7+io=0x3f6-0x3f6+irq=14+io=0xc040-0xc04f", DeviceResources.DiskRunWord(1, ide, out string reason));
            Assert.Null(reason);
            PciFunction withoutBusMaster = Function(0x010100, 0xFF);
            Assert.Equal("disk:ide:1+register+sigma0+io=0x1f0-0x1f7+io=0x3f6-0x3f6+irq=14", DeviceResources.DiskRunWord(1, withoutBusMaster, out _));
        }

        [Fact]
        public void ANativeModeIdeGetsItsBarsAndInterruptLine()
        {
            PciFunction ide = Function(0x010185, 11,
                bar0: new PciBar { Base = 0xD000, Size = 8, Flags = PciBarFlags.Io },
                bar1: new PciBar { Base = 0xD100, Size = 4, Flags = PciBarFlags.Io });
            Assert.Equal("disk:ide:2+register+sigma0+io=0xd000-0xd007+io=0xd102-0xd102+irq=11", DeviceResources.DiskRunWord(2, ide, out _));
            PciFunction noLine = Function(0x010185, 0xFF,
                bar0: new PciBar { Base = 0xD000, Size = 8, Flags = PciBarFlags.Io },
                bar1: new PciBar { Base = 0xD100, Size = 4, Flags = PciBarFlags.Io });
            Assert.Null(DeviceResources.DiskRunWord(2, noLine, out string reason));
            Assert.Contains("interrupt line", reason);
        }

        [Fact]
        public void AnAhciControllerGetsItsAbarAndInterruptLine()
        {
            PciFunction ahci = Function(0x010601, 10, bar5: new PciBar { Base = 0xFEBD_5000, Size = 0x1000 });
            Assert.Equal("disk:ahci:5+register+sigma0+device=0xfebd5000/12+irq=10", DeviceResources.DiskRunWord(5, ahci, out _));
            Assert.Null(DeviceResources.DiskRunWord(5, Function(0x010601, 10), out string noBar));
            Assert.Contains("BAR 5", noBar);
            Assert.Null(DeviceResources.DiskRunWord(5, Function(0x010601, 2, bar5: new PciBar { Base = 0xFEBD_5000, Size = 0x1000 }), out string cascade));
            Assert.Contains("interrupt line", cascade);
        }

        private static PciFunction Function(uint classCode, byte line, PciBar bar0 = default, PciBar bar1 = default, PciBar bar4 = default, PciBar bar5 = default) =>
            new PciFunction { ClassCode = classCode, InterruptLine = line, Bar0 = bar0, Bar1 = bar1, Bar4 = bar4, Bar5 = bar5, Vendor = 0x8086 };
    }
}
