using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class BaseAddressRegisterTests
    {
        [Fact]
        public void DecodesInputOutputPortsWithSixteenBitMask()
        {
            uint[] values = { 0x0000C041 };
            uint[] probes = { 0x0000FFF1 };       // only the low 16 bits implemented
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.Equal(BaseAddressKind.InputOutput, register.Kind);
            Assert.Equal(0xC040UL, register.Base);
            Assert.Equal(16UL, register.Size);
            Assert.Equal(1, register.RegistersConsumed);
            Assert.False(register.IsMemory);
        }

        [Fact]
        public void DecodesInputOutputPortsWithFullMask()
        {
            uint[] values = { 0x0000C001 };
            uint[] probes = { 0xFFFFFFE1 };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.Equal(0xC000UL, register.Base);
            Assert.Equal(32UL, register.Size);
        }

        [Fact]
        public void DecodesThirtyTwoBitMemory()
        {
            uint[] values = { 0xFEBC0000 };
            uint[] probes = { 0xFFFE0000 };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.Equal(BaseAddressKind.Memory32, register.Kind);
            Assert.Equal(0xFEBC0000UL, register.Base);
            Assert.Equal(0x20000UL, register.Size);
            Assert.False(register.IsPrefetchable);
            Assert.Equal(1, register.RegistersConsumed);
        }

        [Fact]
        public void DecodesPrefetchableMemory()
        {
            uint[] values = { 0xFD000008 };
            uint[] probes = { 0xFF000008 };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.True(register.IsPrefetchable);
            Assert.Equal(0xFD000000UL, register.Base);
            Assert.Equal(0x1000000UL, register.Size);
        }

        [Fact]
        public void DecodesSixtyFourBitPairAboveFourGigabytes()
        {
            uint[] values = { 0, 0xE000000C, 0x00000008 };
            uint[] probes = { 0, 0xE000000C, 0xFFFFFFFF };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 1, out BaseAddressRegister register));
            Assert.Equal(BaseAddressKind.Memory64, register.Kind);
            Assert.Equal(0x8_E000_0000UL, register.Base);
            Assert.Equal(0x2000_0000UL, register.Size);
            Assert.True(register.IsPrefetchable);
            Assert.Equal(2, register.RegistersConsumed);
        }

        [Fact]
        public void SixtyFourBitSizeMayExceedFourGigabytes()
        {
            uint[] values = { 0x0000000C, 0x00000010 };
            uint[] probes = { 0x0000000C, 0xFFFFFFFE };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.Equal(0x10_0000_0000UL, register.Base);
            Assert.Equal(0x2_0000_0000UL, register.Size);
        }

        [Fact]
        public void UnimplementedRegisterIsUnused()
        {
            uint[] values = { 0 };
            uint[] probes = { 0 };
            Assert.True(BaseAddressRegister.TryDecode(values, probes, 0, out BaseAddressRegister register));
            Assert.Equal(BaseAddressKind.Unused, register.Kind);
            Assert.Equal(0UL, register.Size);
            Assert.Equal(1, register.RegistersConsumed);
        }

        [Fact]
        public void RefusesSixtyFourBitInLastSlotReservedTypeAndBadIndex()
        {
            uint[] values = { 0, 0x00000004 };
            uint[] probes = { 0, 0xFFF00004 };
            Assert.False(BaseAddressRegister.TryDecode(values, probes, 1, out _));
            Assert.False(BaseAddressRegister.TryDecode(new uint[] { 0x2 }, new uint[] { 0xFFF00002 }, 0, out _));
            Assert.False(BaseAddressRegister.TryDecode(values, probes, 2, out _));
            Assert.False(BaseAddressRegister.TryDecode(values, new uint[1], 0, out _));
        }
    }
}
