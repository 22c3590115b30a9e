using Cosmos.Drivers.Pci;
using Xunit;

namespace Servers.Tests
{
    public class PciEnumerationTests
    {
        [Fact]
        public void ListsQemuI440fxLikeLspci()
        {
            SimulatedPciBus bus = SimulatedPciBus.I440fx();
            var found = new PciFunctionHeader[16];
            int count = PciEnumeration.Enumerate(ref bus, found);

            Assert.Equal(5, count);
            Assert.Equal("00:00.0 0600: 8086:1237 host bridge", LspciLine.Format(PciFunctionDescription.Describe(found[0], 0, null)));
            Assert.Equal("00:01.0 0601: 8086:7000 ISA bridge", LspciLine.Format(PciFunctionDescription.Describe(found[1], 0, null)));
            Assert.Equal("00:01.1 0101: 8086:7010 IDE controller", LspciLine.Format(PciFunctionDescription.Describe(found[2], 0, null)));
            Assert.Equal("00:01.3 0680: 8086:7113", LspciLine.Format(PciFunctionDescription.Describe(found[3], 0, null)));
            Assert.Equal("00:02.0 0300: 1234:1111 VGA compatible controller", LspciLine.Format(PciFunctionDescription.Describe(found[4], 0, null)));
            Assert.Equal(0x80, found[2].ProgrammingInterface);
        }

        [Fact]
        public void ProbesOtherFunctionsOnlyWhenMultifunction()
        {
            SimulatedPciBus bus = SimulatedPciBus.Empty();
            bus.Add(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 0x00, 0x00);
            // Function 2 of a single-function device must stay unseen (some devices mirror function 0 there).
            bus.Add(0, 0, 2, 0x8086, 0xAAAA, 0x06, 0x00, 0x00, 0x00);
            bus.Add(1, 5, 0, 0x10EC, 0x8139, 0x02, 0x00, 0x00, 0x80);
            bus.Add(1, 5, 7, 0x10EC, 0x8140, 0x02, 0x00, 0x00, 0x00);
            var found = new PciFunctionHeader[16];

            int count = PciEnumeration.Enumerate(ref bus, found);

            Assert.Equal(3, count);
            Assert.Equal("00:00.0 0600: 8086:1237 host bridge", LspciLine.Format(PciFunctionDescription.Describe(found[0], 0, null)));
            Assert.Equal("01:05.0 0200: 10ec:8139 Ethernet controller", LspciLine.Format(PciFunctionDescription.Describe(found[1], 0, null)));
            Assert.Equal("01:05.7 0200: 10ec:8140 Ethernet controller", LspciLine.Format(PciFunctionDescription.Describe(found[2], 0, null)));
            // Every absent device is read once (its vendor), plus functions 1-6 of the multifunction device.
            Assert.Equal((256 * 32) - 2 + 6, bus.ReadsOfAbsentFunctions);
        }

        [Fact]
        public void EmptyBusFindsNothing()
        {
            SimulatedPciBus bus = SimulatedPciBus.Empty();
            Assert.Equal(0, PciEnumeration.Enumerate(ref bus, new PciFunctionHeader[4]));
        }

        [Fact]
        public void StopsWhenResultArrayIsFull()
        {
            SimulatedPciBus bus = SimulatedPciBus.I440fx();
            var found = new PciFunctionHeader[2];
            Assert.Equal(2, PciEnumeration.Enumerate(ref bus, found));
            Assert.Equal("00:01.0 0601: 8086:7000 ISA bridge", LspciLine.Format(PciFunctionDescription.Describe(found[1], 0, null)));
        }

        [Fact]
        public void FormatsHighBusAndFunction()
        {
            uint[] dwords = new uint[16];
            dwords[0] = 0xABCDFEDC;
            dwords[2] = 0x0C030000;
            PciAddress.TryCreate(0xAB, 0x1F, 7, out PciAddress address);
            PciFunctionHeader.TryDecode(address, dwords, out PciFunctionHeader header);
            Assert.Equal("ab:1f.7 0c03: fedc:abcd USB controller", LspciLine.Format(PciFunctionDescription.Describe(header, 0, null)));
        }
    }
}
