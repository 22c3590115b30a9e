using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class PciAddressTests
    {
        [Theory]
        [InlineData(0, 0, 0, 0x00, 0x80000000u)]
        [InlineData(0, 1, 1, 0x08, 0x80000908u)]
        [InlineData(255, 31, 7, 0xFC, 0x80FFFFFCu)]
        [InlineData(3, 2, 1, 0x0E, 0x8003110Cu)]
        public void EncodesMechanismOneWord(int bus, int device, int function, int offset, uint expected)
        {
            Assert.True(PciAddress.TryCreate(bus, device, function, out PciAddress address));
            Assert.True(address.TryGetConfigurationAddress(offset, out uint word));
            Assert.Equal(expected, word);
        }

        [Theory]
        [InlineData(-1, 0, 0)]
        [InlineData(256, 0, 0)]
        [InlineData(0, 32, 0)]
        [InlineData(0, -1, 0)]
        [InlineData(0, 0, 8)]
        [InlineData(0, 0, -1)]
        public void RefusesOutOfRangeParts(int bus, int device, int function)
        {
            Assert.False(PciAddress.TryCreate(bus, device, function, out _));
        }

        [Theory]
        [InlineData(-4)]
        [InlineData(256)]
        public void RefusesOffsetsOutsideLegacySpace(int offset)
        {
            PciAddress.TryCreate(0, 0, 0, out PciAddress address);
            Assert.False(address.TryGetConfigurationAddress(offset, out _));
        }

        [Fact]
        public void KeepsItsParts()
        {
            PciAddress.TryCreate(12, 5, 3, out PciAddress address);
            Assert.Equal(12, address.Bus);
            Assert.Equal(5, address.Device);
            Assert.Equal(3, address.Function);
        }
    }
}
