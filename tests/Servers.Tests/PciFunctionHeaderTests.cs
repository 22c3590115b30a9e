using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class PciFunctionHeaderTests
    {
        private static uint[] GeneralHeader()
        {
            uint[] dwords = new uint[16];
            dwords[0] = 0x100E8086;          // Intel 82540EM
            dwords[1] = 0x02800007;          // status 0x0280, command 0x0007
            dwords[2] = 0x02000003;          // class 02, subclass 00, prog-if 00, revision 03
            dwords[3] = 0x00800010;          // header type 0x80 (multifunction, general)
            for (int index = 0; index < 6; index++)
            {
                dwords[4 + index] = 0x1000u * (uint)(index + 1);
            }

            return dwords;
        }

        [Fact]
        public void DecodesGeneralHeader()
        {
            PciAddress.TryCreate(0, 3, 0, out PciAddress address);
            Assert.True(PciFunctionHeader.TryDecode(address, GeneralHeader(), out PciFunctionHeader header));
            Assert.Equal(0x8086, header.VendorId);
            Assert.Equal(0x100E, header.DeviceId);
            Assert.Equal(0x0007, header.Command);
            Assert.Equal(0x0280, header.Status);
            Assert.Equal(0x03, header.Revision);
            Assert.Equal(0x00, header.ProgrammingInterface);
            Assert.Equal(0x00, header.Subclass);
            Assert.Equal(0x02, header.ClassCode);
            Assert.True(header.IsMultifunction);
            Assert.Equal(PciHeaderLayout.General, header.Layout);
            Assert.Equal(6, header.BaseAddressRegisterCount);
            Assert.Equal(new uint[] { 0x1000, 0x2000, 0x3000, 0x4000, 0x5000, 0x6000 }, header.BaseAddressRegisters);
            Assert.True(header.Address.Equals(address));
        }

        [Fact]
        public void BridgeHeaderKeepsTwoRegisters()
        {
            uint[] dwords = GeneralHeader();
            dwords[2] = 0x06040000;
            dwords[3] = 0x00010000;
            PciAddress.TryCreate(0, 4, 0, out PciAddress address);
            Assert.True(PciFunctionHeader.TryDecode(address, dwords, out PciFunctionHeader header));
            Assert.False(header.IsMultifunction);
            Assert.Equal(PciHeaderLayout.PciToPciBridge, header.Layout);
            Assert.Equal(2, header.BaseAddressRegisterCount);
            Assert.Equal(new uint[] { 0x1000, 0x2000, 0, 0, 0, 0 }, header.BaseAddressRegisters);
        }

        [Fact]
        public void RefusesAbsentFunctionAndShortInput()
        {
            uint[] dwords = GeneralHeader();
            dwords[0] = 0xFFFFFFFF;
            Assert.False(PciFunctionHeader.TryDecode(default, dwords, out _));
            Assert.False(PciFunctionHeader.TryDecode(default, new uint[15], out _));
            Assert.False(PciFunctionHeader.TryDecode(default, null, out _));
        }
    }
}
