using System;
using Cosmos.Api.Devices;
using Xunit;

namespace Libc.Tests
{
    /// <summary>The device protocols' encodings, as drivers and clients share them (Libc/Api/Devices).</summary>
    public class DeviceProtocolTests
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(479)]
        [InlineData(480)]
        public void BytesSurvivePackingAndUnpacking(int count)
        {
            byte[] bytes = new byte[count];
            new Random(count).NextBytes(bytes);
            ulong[] words = new ulong[64];
            Array.Fill(words, ulong.MaxValue);
            int used = CharacterDeviceProtocol.PackBytes(bytes, words);
            Assert.Equal(1 + (count + 7) / 8, used);
            Assert.Equal((ulong)count, words[0]);
            byte[] back = new byte[CharacterDeviceProtocol.MaximumBytes];
            Assert.Equal(count, CharacterDeviceProtocol.UnpackBytes(words, used, back));
            Assert.Equal(bytes, back.AsSpan(0, count).ToArray());
            if (count % 8 != 0)
            {
                // Padding bytes of the last word are zero, not what the words held before.
                Assert.Equal(0UL, words[used - 1] >> (8 * (count % 8)));
            }
        }

        [Fact]
        public void PackingTakesAtMostOneMessage()
        {
            ulong[] words = new ulong[64];
            int used = CharacterDeviceProtocol.PackBytes(new byte[1000], words);
            Assert.Equal(61, used);
            Assert.Equal(480UL, words[0]);
        }

        [Fact]
        public void UnpackingRefusesCountsThatDoNotFit()
        {
            byte[] buffer = new byte[480];
            Assert.Equal(-1, CharacterDeviceProtocol.UnpackBytes(new ulong[] { 481 }, 1, buffer));
            Assert.Equal(-1, CharacterDeviceProtocol.UnpackBytes(new ulong[] { 9, 0 }, 2, buffer)); // 9 bytes need 3 words
            Assert.Equal(-1, CharacterDeviceProtocol.UnpackBytes(new ulong[] { 4, 0 }, 2, new byte[3]));
            Assert.Equal(-1, CharacterDeviceProtocol.UnpackBytes(new ulong[] { 0 }, 0, buffer));
            Assert.Equal(-1, CharacterDeviceProtocol.UnpackBytes(new ulong[] { ulong.MaxValue }, 1, buffer));
        }

        [Fact]
        public void BlockInformationRoundTrips()
        {
            var information = new BlockDeviceInformation
            {
                SectorCount = 65536,
                SectorSize = 512,
                MaximumSectorsPerRequest = 1024,
                Mode = BlockTransferMode.AtaBusMasterDma,
                Model = "QEMU HARDDISK",
            };
            ulong[] words = new ulong[BlockDeviceProtocol.InformationWordCount];
            BlockDeviceProtocol.EncodeInformation(information, words);
            Assert.True(BlockDeviceProtocol.TryDecodeInformation(words, words.Length, out BlockDeviceInformation back));
            Assert.Equal(information.SectorCount, back.SectorCount);
            Assert.Equal(information.SectorSize, back.SectorSize);
            Assert.Equal(information.MaximumSectorsPerRequest, back.MaximumSectorsPerRequest);
            Assert.Equal(information.Mode, back.Mode);
            Assert.Equal("QEMU HARDDISK", back.Model);
            Assert.Equal(32UL * 1024 * 1024, back.CapacityBytes);
        }

        [Fact]
        public void BlockInformationCutsLongModelsAndReplacesOtherCharacters()
        {
            ulong[] words = new ulong[BlockDeviceProtocol.InformationWordCount];
            BlockDeviceProtocol.EncodeInformation(new BlockDeviceInformation { SectorCount = 1, SectorSize = 4096, MaximumSectorsPerRequest = 1, Model = new string('x', 50) + "\u00e9" }, words);
            Assert.True(BlockDeviceProtocol.TryDecodeInformation(words, words.Length, out BlockDeviceInformation back));
            Assert.Equal(new string('x', 40), back.Model);
            BlockDeviceProtocol.EncodeInformation(new BlockDeviceInformation { SectorCount = 1, SectorSize = 512, MaximumSectorsPerRequest = 1, Model = "a\u00e9b" }, words);
            Assert.True(BlockDeviceProtocol.TryDecodeInformation(words, words.Length, out back));
            Assert.Equal("a?b", back.Model);
        }

        [Theory]
        [InlineData(0UL, 512UL, 8UL)]        // no sectors
        [InlineData(16UL, 500UL, 8UL)]       // sector size not a power of two
        [InlineData(16UL, 256UL, 8UL)]       // too small
        [InlineData(16UL, 8192UL, 8UL)]      // too large
        [InlineData(16UL, 512UL, 0UL)]       // no sectors per request
        public void BlockInformationRefusesUnusableDevices(ulong sectors, ulong size, ulong perRequest)
        {
            ulong[] words = new ulong[BlockDeviceProtocol.InformationWordCount];
            words[0] = sectors;
            words[1] = size;
            words[2] = perRequest;
            Assert.False(BlockDeviceProtocol.TryDecodeInformation(words, words.Length, out _));
            Assert.False(BlockDeviceProtocol.TryDecodeInformation(new ulong[] { 16, 512, 8 }, 3, out _));
        }

        [Theory]
        [InlineData(0UL, 1UL, BlockDeviceStatus.Ok)]
        [InlineData(0UL, 1024UL, BlockDeviceStatus.Ok)]
        [InlineData(1000UL, 24UL, BlockDeviceStatus.Ok)]            // the last sectors
        [InlineData(1000UL, 25UL, BlockDeviceStatus.OutOfRange)]    // one past the end
        [InlineData(1024UL, 1UL, BlockDeviceStatus.OutOfRange)]
        [InlineData(ulong.MaxValue, 2UL, BlockDeviceStatus.OutOfRange)] // no overflow past the end
        [InlineData(0UL, 0UL, BlockDeviceStatus.TooLarge)]
        [InlineData(0UL, 1025UL, BlockDeviceStatus.TooLarge)]
        public void RequestsAreCheckedAgainstTheDevice(ulong first, ulong count, BlockDeviceStatus expected)
        {
            Assert.Equal(expected, BlockDeviceProtocol.CheckRange(first, count, 1024, 512, 1024));
        }

        [Fact]
        public void ARequestNeverMovesMoreThanEightStringItems()
        {
            Assert.Equal(BlockDeviceStatus.TooLarge, BlockDeviceProtocol.CheckRange(0, 256, 1 << 20, 4096, 4096)); // 1 MiB
            Assert.Equal(BlockDeviceStatus.Ok, BlockDeviceProtocol.CheckRange(0, 128, 1 << 20, 4096, 4096));       // 512 KiB
            Assert.Equal(8, BlockDeviceProtocol.StringItemsFor(BlockDeviceProtocol.MaximumTransferBytes));
            Assert.Equal(1, BlockDeviceProtocol.StringItemsFor(512));
            Assert.Equal(2, BlockDeviceProtocol.StringItemsFor(64 * 1024 + 512));
        }

        [Fact]
        public void PciFunctionsRoundTripAndOutOfRangeFieldsAreRefused()
        {
            var function = new PciFunction
            {
                Address = 0x0109,
                Vendor = 0x8086,
                Device = 0x7010,
                ClassCode = 0x010180,
                InterruptLine = 14,
                InterruptPin = 1,
                Bar4 = new PciBar { Base = 0xC040, Size = 16, Flags = PciBarFlags.Io },
                Bar5 = new PciBar { Base = 0xFEBF_0000, Size = 4096, Flags = PciBarFlags.Memory64 | PciBarFlags.Prefetchable },
            };
            ulong[] words = new ulong[PciProtocol.FunctionWordCount];
            function.Encode(words);
            Assert.True(PciFunction.TryDecode(words, out PciFunction back));
            Assert.Equal(1, back.Bus);
            Assert.Equal(1, back.DeviceNumber);
            Assert.Equal(1, back.FunctionNumber);
            Assert.Equal(0x01, back.BaseClass);
            Assert.Equal(0x01, back.SubClass);
            Assert.Equal(0x80, back.ProgrammingInterface);
            Assert.True(back.Bar(4).IsIo);
            Assert.Equal(0xC040UL, back.Bar(4).Base);
            Assert.False(back.Bar(0).IsImplemented);
            Assert.Equal(PciBarFlags.Memory64 | PciBarFlags.Prefetchable, back.Bar(5).Flags);

            words[PciFunctionWords.InterruptPin] = 5;
            Assert.False(PciFunction.TryDecode(words, out _));
            words[PciFunctionWords.InterruptPin] = 1;
            words[PciFunctionWords.Vendor] = 0x10000;
            Assert.False(PciFunction.TryDecode(words, out _));
            Assert.False(PciFunction.TryDecode(new ulong[PciProtocol.FunctionWordCount - 1], out _));
        }
    }
}
