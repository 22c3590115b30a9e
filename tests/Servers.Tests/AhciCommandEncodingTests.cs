using System;
using Cosmos.Drivers.Disk.Ahci;
using Xunit;

namespace Servers.Tests
{
    /// <summary>The AHCI back end's command encodings: the register FIS, the command header and the PRDT.</summary>
    public class AhciCommandEncodingTests
    {
        [Fact]
        public void ReadDmaExtendedFisCarriesAll48LbaBitsAndTheSixteenBitCount()
        {
            byte[] area = new byte[64];
            area.AsSpan().Fill(0xCC);

            RegisterFis.WriteCommand(area, AtaCommand.ReadDmaExtended, 0x0000_BEEF_1234_5678, 0x0400);

            Assert.Equal(new byte[]
            {
                0x27, 0x80, 0x25, 0x00,     // type, C bit, command, features 7:0
                0x78, 0x56, 0x34, 0x40,     // LBA 7:0, 15:8, 23:16, device (LBA mode)
                0x12, 0xEF, 0xBE, 0x00,     // LBA 31:24, 39:32, 47:40, features 15:8
                0x00, 0x04, 0x00, 0x00,     // count 7:0, 15:8, ICC, control
                0x00, 0x00, 0x00, 0x00,
            }, area[..20]);
            // The rest of the 64-byte CFIS area is not the FIS's business.
            Assert.All(area[20..], value => Assert.Equal(0xCC, value));
        }

        [Fact]
        public void Lba28FisPutsAddressBits24To27InTheDeviceRegister()
        {
            byte[] area = new byte[20];

            RegisterFis.WriteCommand(area, AtaCommand.ReadDma, 0x0ABC_DEF1, 0, 0, lba28: true);

            Assert.Equal(0xC8, area[2]);
            Assert.Equal(0x40 | 0x0A, area[7]);
            Assert.Equal(0xF1, area[4]);
            Assert.Equal(0x0A, area[8]);
        }

        [Fact]
        public void FisRefusesAnLbaBeyond48Bits()
        {
            byte[] area = new byte[20];
            Assert.Throws<ArgumentOutOfRangeException>(() => RegisterFis.WriteCommand(area, AtaCommand.WriteDmaExtended, 1UL << 48, 1));
        }

        [Fact]
        public void CommandHeaderEncodesFisLengthDirectionRegionsAndTable()
        {
            uint[] header = new uint[8];
            header.AsSpan().Fill(0xFFFFFFFF);

            CommandHeader.Write(header, RegisterFis.DoubleWords, write: true, regions: 3, tablePhysical: 0x1_2345_6780);

            Assert.Equal(5u | (1u << 6) | (3u << 16), header[0]);
            Assert.Equal(0u, CommandHeader.TransferredBytes(header));
            Assert.Equal(0x2345_6780u, header[2]);
            Assert.Equal(1u, header[3]);
            Assert.Equal(new uint[4], header[4..]);
        }

        [Fact]
        public void ReadCommandHeaderHasNoWriteBit()
        {
            uint[] header = new uint[8];
            CommandHeader.Write(header, RegisterFis.DoubleWords, write: false, regions: 1, tablePhysical: 0x800);
            Assert.Equal(0u, header[0] & CommandHeader.WriteBit);
            Assert.Equal(1u, header[0] >> 16);
        }

        [Fact]
        public void CommandHeaderRefusesAMisalignedTableAndBadLengths()
        {
            uint[] header = new uint[8];
            Assert.Throws<ArgumentException>(() => CommandHeader.Write(header, 5, false, 1, 0x840));
            Assert.Throws<ArgumentOutOfRangeException>(() => CommandHeader.Write(header, 1, false, 1, 0x800));
            Assert.Throws<ArgumentOutOfRangeException>(() => CommandHeader.Write(header, 17, false, 1, 0x800));
            Assert.Throws<ArgumentOutOfRangeException>(() => CommandHeader.Write(header, 5, false, 0x10000, 0x800));
        }

        [Fact]
        public void RegionTableDescribesSmallBufferInOneEntryWithOddEncodedCountAndInterrupt()
        {
            uint[] entries = new uint[8 * 4];

            int count = PhysicalRegionTable.Describe(entries, 0x2_0008_0000, 512 * 1024);

            Assert.Equal(1, count);
            Assert.Equal(0x0008_0000u, entries[0]);
            Assert.Equal(2u, entries[1]);
            Assert.Equal(0u, entries[2]);
            Assert.Equal((512u * 1024 - 1) | PhysicalRegionTable.InterruptOnCompletion, entries[3]);
            Assert.Equal(512 * 1024, PhysicalRegionTable.EntryLength(entries));
            Assert.Equal(1u, entries[3] & 1);
        }

        [Fact]
        public void RegionTableSplitsAtFourMebibytesAndInterruptsOnlyOnTheLast()
        {
            uint[] entries = new uint[8 * 4];
            long bytes = 9L * 1024 * 1024 + 512;

            int count = PhysicalRegionTable.Describe(entries, 0x100_0000, bytes);

            Assert.Equal(3, count);
            long total = 0;
            ulong expected = 0x100_0000;
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<uint> entry = entries.AsSpan(i * 4, 4);
                Assert.Equal(expected, entry[0] | (ulong)entry[1] << 32);
                int length = PhysicalRegionTable.EntryLength(entry);
                Assert.True(length <= PhysicalRegionTable.MaximumEntryBytes);
                Assert.Equal(i == count - 1, (entry[3] & PhysicalRegionTable.InterruptOnCompletion) != 0);
                expected += (ulong)length;
                total += length;
            }
            Assert.Equal(bytes, total);
            Assert.Equal(4 * 1024 * 1024, PhysicalRegionTable.EntryLength(entries));
        }

        [Theory]
        [InlineData(0x1000UL, 0L)]
        [InlineData(0x1000UL, 511L)]
        [InlineData(0x1001UL, 512L)]
        [InlineData(0x1000UL, 9L * 1024 * 1024)]
        public void RegionTableRefusesEmptyOddOrTooLargeBuffers(ulong physical, long bytes)
        {
            uint[] entries = new uint[2 * 4];
            Assert.Equal(-1, PhysicalRegionTable.Describe(entries, physical, bytes));
        }

        [Fact]
        public void PortPageHoldsAlignedStructuresAndEnoughRegionsForTheDataBuffer()
        {
            Assert.Equal(0, PortMemoryLayout.CommandList % 1024);
            Assert.Equal(0, PortMemoryLayout.ReceivedFis % 256);
            Assert.Equal(0, PortMemoryLayout.CommandTable % 128);
            Assert.True(PortMemoryLayout.CommandList + PortMemoryLayout.CommandListBytes <= PortMemoryLayout.ReceivedFis);
            Assert.True(PortMemoryLayout.ReceivedFis + PortMemoryLayout.ReceivedFisBytes <= PortMemoryLayout.CommandTable);
            Assert.Equal(PortMemoryLayout.PageBytes,
                PortMemoryLayout.CommandTable + PortMemoryLayout.RegionTableOffset + PortMemoryLayout.RegionCapacity * PhysicalRegionTable.EntryBytes);
            Assert.True(PortMemoryLayout.RegionCapacity >= 1);
        }
    }
}
