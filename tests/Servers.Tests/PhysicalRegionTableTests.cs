using System;
using Cosmos.Drivers.Disk.Ide;
using Xunit;

namespace Servers.Tests
{
    public class PhysicalRegionTableTests
    {
        [Fact]
        public void AlignedHalfMebibyteIsEightFullRegionsWithEndOnTheLast()
        {
            uint[] table = new uint[1024];
            int entries = PhysicalRegionTable.Build(0x0080_0000, 512 * 1024, table);
            Assert.Equal(8, entries);
            for (int i = 0; i < entries; i++)
            {
                Assert.Equal((uint)(0x0080_0000 + i * 0x10000), table[2 * i]);
                Assert.Equal(65536, PhysicalRegionTable.LengthOf(table, i));
                Assert.Equal(i == entries - 1, (table[2 * i + 1] & PhysicalRegionTable.EndOfTable) != 0);
                Assert.Equal(0u, table[2 * i + 1] & 0x7FFF0000);
            }
        }

        [Fact]
        public void OneSectorIsOneRegionOfItsLength()
        {
            uint[] table = new uint[16];
            Assert.Equal(1, PhysicalRegionTable.Build(0x12_0000, 512, table));
            Assert.Equal(0x12_0000u, table[0]);
            Assert.Equal(PhysicalRegionTable.EndOfTable | 512u, table[1]);
        }

        [Fact]
        public void RegionsAreCutAtEverySixtyFourKibibyteBoundary()
        {
            uint[] table = new uint[16];
            int entries = PhysicalRegionTable.Build(0x1_F000, 0x12000, table);
            Assert.Equal(3, entries);
            Assert.Equal(0x1_F000u, table[0]);
            Assert.Equal(0x1000, PhysicalRegionTable.LengthOf(table, 0));
            Assert.Equal(0x2_0000u, table[2]);
            Assert.Equal(0x10000, PhysicalRegionTable.LengthOf(table, 1));
            Assert.Equal(0x3_0000u, table[4]);
            Assert.Equal(0x1000, PhysicalRegionTable.LengthOf(table, 2));
            long total = 0;
            for (int i = 0; i < entries; i++)
            {
                long start = table[2 * i];
                int length = PhysicalRegionTable.LengthOf(table, i);
                Assert.Equal(start / 0x10000, (start + length - 1) / 0x10000);
                total += length;
            }
            Assert.Equal(0x12000, total);
        }

        [Theory]
        [InlineData(0x1000UL, 0L)]
        [InlineData(0x1000UL, 511L)]
        [InlineData(0x1001UL, 512L)]
        [InlineData(0xFFFF_F000UL, 0x2000L)]
        public void RefusesEmptyOddAndAbove4GiBRanges(ulong physical, long bytes)
        {
            Assert.Equal(-1, PhysicalRegionTable.Build(physical, bytes, new uint[64]));
        }

        [Fact]
        public void RefusesATableTooSmall()
        {
            Assert.Equal(-1, PhysicalRegionTable.Build(0, 512 * 1024, new uint[14]));
            Assert.Equal(8, PhysicalRegionTable.Build(0, 512 * 1024, new uint[16]));
        }
    }
}
