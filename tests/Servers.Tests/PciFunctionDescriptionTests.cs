using Cosmos.Api.Devices;
using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class PciFunctionDescriptionTests
    {
        private static PciFunctionHeader Header(int device, int function, ushort vendor, ushort deviceId, uint classWord, byte headerType)
        {
            uint[] dwords = new uint[PciFunctionHeader.DwordCount];
            dwords[0] = vendor | (uint)deviceId << 16;
            dwords[2] = classWord;
            dwords[3] = (uint)headerType << 16;
            PciAddress.TryCreate(0, device, function, out PciAddress address);
            Assert.True(PciFunctionHeader.TryDecode(address, dwords, out PciFunctionHeader header));
            return header;
        }

        [Fact]
        public void PiixIdeWithBusMasterPortsInBar4()
        {
            PciFunctionHeader header = Header(1, 1, 0x8086, 0x7010, 0x01018000, 0x00);
            uint[] values = { 0, 0, 0, 0, 0xC041, 0 };
            uint[] probes = { 0, 0, 0, 0, 0xFFF1, 0 };
            BaseAddressRegister[] registers = PciFunctionDescription.DecodeAll(values, probes, 6);
            PciFunction function = PciFunctionDescription.Describe(header, 0x0000_0000, registers);
            Assert.Equal((ushort)(1 << 3 | 1), function.Address);
            Assert.Equal(0x010180u, function.ClassCode);
            Assert.Equal(0x8086, function.Vendor);
            Assert.Equal(0x7010, function.Device);
            Assert.Equal(0, function.InterruptPin);
            Assert.Equal(0xFF, function.InterruptLine);
            Assert.False(function.Bar0.IsImplemented);
            Assert.True(function.Bar4.IsImplemented);
            Assert.True(function.Bar4.IsIo);
            Assert.Equal(0xC040UL, function.Bar4.Base);
            Assert.Equal(16UL, function.Bar4.Size);
            Assert.True(PciFunctionDescription.IsClass(function, 0x01, 0x01));
        }

        [Fact]
        public void SixtyFourBitMemoryBarTakesTwoRegistersAndTheInterruptIsKept()
        {
            PciFunctionHeader header = Header(3, 0, 0x8086, 0x2922, 0x01060100, 0x00);
            uint[] values = { 0xFEBC_000C, 0x0000_0001, 0, 0, 0, 0xFEBD_1000 };
            uint[] probes = { 0xFFFF_C00C, 0xFFFF_FFFF, 0, 0, 0, 0xFFFF_F000 };
            BaseAddressRegister[] registers = PciFunctionDescription.DecodeAll(values, probes, 6);
            PciFunction function = PciFunctionDescription.Describe(header, 0x0000_010B, registers);
            Assert.Equal(PciBarFlags.Memory64 | PciBarFlags.Prefetchable, function.Bar0.Flags);
            Assert.Equal(0x1_FEBC_0000UL, function.Bar0.Base);
            Assert.Equal(0x4000UL, function.Bar0.Size);
            Assert.False(function.Bar1.IsImplemented);
            Assert.Equal(PciBarFlags.None, function.Bar5.Flags);
            Assert.Equal(0xFEBD_1000UL, function.Bar5.Base);
            Assert.Equal(4096UL, function.Bar5.Size);
            Assert.Equal(1, function.InterruptPin);
            Assert.Equal(11, function.InterruptLine);
        }

        [Fact]
        public void DescribedFunctionSurvivesTheProtocolWords()
        {
            PciFunctionHeader header = Header(1, 1, 0x8086, 0x7010, 0x01018000, 0x00);
            uint[] values = { 0, 0, 0, 0, 0xC041, 0 };
            uint[] probes = { 0, 0, 0, 0, 0xFFF1, 0 };
            PciFunction function = PciFunctionDescription.Describe(header, 0, PciFunctionDescription.DecodeAll(values, probes, 6));
            ulong[] words = new ulong[PciProtocol.FunctionWordCount];
            function.Encode(words);
            Assert.True(PciFunction.TryDecode(words, out PciFunction decoded));
            Assert.Equal(function.Address, decoded.Address);
            Assert.Equal(function.Bar4.Base, decoded.Bar4.Base);
            Assert.Equal(function.Bar4.Flags, decoded.Bar4.Flags);
            Assert.Equal(function.InterruptLine, decoded.InterruptLine);
        }
    }
}
