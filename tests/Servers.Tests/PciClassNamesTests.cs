using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class PciClassNamesTests
    {
        [Theory]
        [InlineData(0x06, 0x00, "host bridge")]
        [InlineData(0x06, 0x01, "ISA bridge")]
        [InlineData(0x06, 0x04, "PCI bridge")]
        [InlineData(0x01, 0x01, "IDE controller")]
        [InlineData(0x01, 0x06, "SATA controller")]
        [InlineData(0x02, 0x00, "Ethernet controller")]
        [InlineData(0x03, 0x00, "VGA compatible controller")]
        [InlineData(0x0C, 0x03, "USB controller")]
        public void NamesCommonClasses(byte classCode, byte subclass, string expected)
        {
            Assert.Equal(expected, PciClassNames.Find(classCode, subclass));
        }

        [Theory]
        [InlineData(0x06, 0x80)]
        [InlineData(0xFF, 0x00)]
        [InlineData(0x12, 0x34)]
        public void LeavesOthersUnnamed(byte classCode, byte subclass)
        {
            Assert.Null(PciClassNames.Find(classCode, subclass));
        }
    }
}
