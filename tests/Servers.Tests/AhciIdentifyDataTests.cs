using System;
using Cosmos.Drivers.Disk.Ahci;
using Xunit;

namespace Servers.Tests
{
    /// <summary>Parsing of IDENTIFY DEVICE data by the AHCI back end.</summary>
    public class AhciIdentifyDataTests
    {
        private static void SetWord(byte[] data, int index, ushort value)
        {
            data[index * 2] = (byte)value;
            data[index * 2 + 1] = (byte)(value >> 8);
        }

        // An ATA string: two characters a word, the first in the high byte, padded with spaces.
        private static void SetText(byte[] data, int firstWord, int wordCount, string text)
        {
            string padded = text.PadRight(wordCount * 2);
            for (int i = 0; i < wordCount; i++)
            {
                SetWord(data, firstWord + i, (ushort)(padded[i * 2] << 8 | padded[i * 2 + 1]));
            }
        }

        private static byte[] QemuHardDisk(ulong sectors)
        {
            byte[] data = new byte[512];
            SetText(data, 10, 10, "QM00001");
            SetText(data, 27, 20, "QEMU HARDDISK");
            SetWord(data, 49, 1 << 9);
            uint lba28 = sectors > 0x0FFF_FFFF ? 0x0FFF_FFFFu : (uint)sectors;
            SetWord(data, 60, (ushort)lba28);
            SetWord(data, 61, (ushort)(lba28 >> 16));
            SetWord(data, 83, 0x4000 | (1 << 10) | (1 << 13));
            for (int i = 0; i < 4; i++)
            {
                SetWord(data, 100 + i, (ushort)(sectors >> (16 * i)));
            }
            return data;
        }

        [Fact]
        public void ReadsModelSerialAnd48BitCapacity()
        {
            IdentifyData identity = IdentifyData.Parse(QemuHardDisk(0x1_2345_6789));

            Assert.Equal("QEMU HARDDISK", identity.Model);
            Assert.Equal("QM00001", identity.Serial);
            Assert.True(identity.Lba48);
            Assert.True(identity.FlushCacheExtended);
            Assert.Equal(0x1_2345_6789UL, identity.SectorCount);
            Assert.Equal(512u, identity.SectorSize);
        }

        [Fact]
        public void FallsBackTo28BitCapacityWithout48BitFeatureSet()
        {
            byte[] data = QemuHardDisk(20480);
            SetWord(data, 83, 0x4000);

            IdentifyData identity = IdentifyData.Parse(data);

            Assert.False(identity.Lba48);
            Assert.False(identity.FlushCacheExtended);
            Assert.Equal(20480UL, identity.SectorCount);
        }

        [Fact]
        public void IgnoresWord83WhenItsValidityBitsAreWrong()
        {
            byte[] data = QemuHardDisk(20480);
            SetWord(data, 83, 0xFFFF);

            Assert.False(IdentifyData.Parse(data).Lba48);
        }

        [Fact]
        public void NoLbaMeansNoCapacity()
        {
            byte[] data = QemuHardDisk(20480);
            SetWord(data, 49, 0);
            SetWord(data, 83, 0);

            Assert.Equal(0UL, IdentifyData.Parse(data).SectorCount);
        }

        [Fact]
        public void ReadsALargeLogicalSectorSize()
        {
            byte[] data = QemuHardDisk(1000);
            SetWord(data, 106, 0x4000 | (1 << 12));
            SetWord(data, 117, 2048);
            SetWord(data, 118, 0);

            Assert.Equal(4096u, IdentifyData.Parse(data).SectorSize);
        }

        [Fact]
        public void TrimsPaddingAndReplacesUnprintableCharacters()
        {
            byte[] data = QemuHardDisk(1000);
            SetText(data, 27, 20, "  Disk\u0001X");

            Assert.Equal("Disk?X", IdentifyData.Parse(data).Model);
        }

        [Fact]
        public void RefusesShortData()
        {
            Assert.Throws<ArgumentException>(() => IdentifyData.Parse(new byte[511]));
        }
    }
}
