using Cosmos.Drivers.Disk.Ide;
using Xunit;

namespace Servers.Tests
{
    public class IdentifyDataTests
    {
        // What QEMU's IDE disk of 32 MiB answers, in the fields the driver reads.
        private static ushort[] QemuDisk(ulong sectors, bool lba48 = true)
        {
            ushort[] words = new ushort[IdentifyData.WordCount];
            PutString(words, 27, 20, "QEMU HARDDISK");
            words[49] = 1 << 8 | 1 << 9;
            words[60] = (ushort)(sectors > 0x0FFFFFFF ? 0xFFFF : sectors);
            words[61] = (ushort)(sectors > 0x0FFFFFFF ? 0x0FFF : sectors >> 16);
            words[83] = (ushort)(0x4000 | (lba48 ? 1 << 10 : 0));
            words[100] = (ushort)sectors;
            words[101] = (ushort)(sectors >> 16);
            words[102] = (ushort)(sectors >> 32);
            words[103] = (ushort)(sectors >> 48);
            return words;
        }

        private static void PutString(ushort[] words, int first, int count, string text)
        {
            string padded = text.PadRight(count * 2);
            for (int i = 0; i < count; i++)
            {
                words[first + i] = (ushort)(padded[2 * i] << 8 | padded[2 * i + 1]);
            }
        }

        [Fact]
        public void ReadsModelSectorsAndCapabilities()
        {
            Assert.True(IdentifyData.TryParse(QemuDisk(65536), out IdentifyData data));
            Assert.Equal("QEMU HARDDISK", data.Model);
            Assert.Equal(65536UL, data.SectorCount);
            Assert.True(data.SupportsLba48);
            Assert.True(data.SupportsDma);
            Assert.Equal(512u, data.SectorSize);
        }

        [Fact]
        public void LargeDiskTakesTheLba48Count()
        {
            Assert.True(IdentifyData.TryParse(QemuDisk(0x1_2345_6789), out IdentifyData data));
            Assert.Equal(0x1_2345_6789UL, data.SectorCount);
        }

        [Fact]
        public void WithoutLba48TheLba28CountCounts()
        {
            ushort[] words = QemuDisk(20000, lba48: false);
            words[100] = 0x7777;
            Assert.True(IdentifyData.TryParse(words, out IdentifyData data));
            Assert.False(data.SupportsLba48);
            Assert.Equal(20000UL, data.SectorCount);
        }

        [Fact]
        public void Word83WithoutItsValidityPatternIsIgnored()
        {
            ushort[] words = QemuDisk(20000);
            words[83] = 0xFFFF;
            Assert.True(IdentifyData.TryParse(words, out IdentifyData data));
            Assert.False(data.SupportsLba48);
        }

        [Fact]
        public void LogicalSectorSizeFromWords117And118()
        {
            ushort[] words = QemuDisk(1000);
            words[106] = 0x4000 | 1 << 12;
            words[117] = 2048;
            Assert.True(IdentifyData.TryParse(words, out IdentifyData data));
            Assert.Equal(4096u, data.SectorSize);
        }

        [Fact]
        public void ModelKeepsInnerSpacesAndDropsPaddingAndControlBytes()
        {
            ushort[] words = new ushort[IdentifyData.WordCount];
            PutString(words, 27, 20, "  A B\u0001C");
            Assert.Equal("A B C", IdentifyData.ReadString(words, 27, 20));
        }

        [Fact]
        public void RefusesTooFewWordsAndNoSectors()
        {
            Assert.False(IdentifyData.TryParse(new ushort[100], out _));
            Assert.False(IdentifyData.TryParse(QemuDisk(0), out _));
        }
    }
}
