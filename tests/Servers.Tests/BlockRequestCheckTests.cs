using System;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Drivers.Disk;
using Xunit;

namespace Servers.Tests
{
    public class BlockRequestCheckTests
    {
        private const ulong Buffer = 0x40_0000_0000;

        // A delivered Write: two words, then string items as the kernel reports them (length copied, receive buffer's address).
        private static ulong[] Delivered(params (long length, ulong address)[] items)
        {
            ulong[] registers = new ulong[64];
            registers[0] = 5;
            registers[1] = 3;
            for (int i = 0; i < items.Length; i++)
            {
                registers[2 + 2 * i] = (ulong)items[i].length << StringItem.LengthShift | (ulong)TypedItemKind.String;
                registers[3 + 2 * i] = items[i].address;
            }
            return registers;
        }

        [Fact]
        public void FullBufferWriteIsEightItemsInOrder()
        {
            var items = new (long, ulong)[8];
            for (int i = 0; i < 8; i++)
            {
                items[i] = (65536, Buffer + (ulong)i * 65536);
            }
            Assert.Equal(BlockDeviceStatus.Ok, BlockRequestCheck.CheckWriteItems(Delivered(items), 2, 8, 512 * 1024, Buffer));
        }

        [Fact]
        public void LastItemCarriesTheRest()
        {
            ulong[] registers = Delivered((65536, Buffer), (1024, Buffer + 65536));
            Assert.Equal(BlockDeviceStatus.Ok, BlockRequestCheck.CheckWriteItems(registers, 2, 2, 65536 + 1024, Buffer));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(registers, 2, 2, 65536 + 1536, Buffer));
        }

        [Fact]
        public void ShortItemWrongCountWrongPlaceOrKindIsMalformed()
        {
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(Delivered((512, Buffer)), 2, 1, 1024, Buffer));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(Delivered((1024, Buffer)), 2, 0, 1024, Buffer));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(Delivered((1024, Buffer)), 2, 2, 1024, Buffer));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(Delivered((1024, Buffer + 512)), 2, 1, 1024, Buffer));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(Delivered((1024, Buffer)), 3, 1, 1024, Buffer));
            ulong[] capability = Delivered((1024, Buffer));
            capability[2] = (ulong)TypedItemKind.CapabilityTransfer;
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckWriteItems(capability, 2, 1, 1024, Buffer));
        }

        [Fact]
        public void ReadAndEmptyShapes()
        {
            Assert.Equal(BlockDeviceStatus.Ok, BlockRequestCheck.CheckReadShape(2, 0));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckReadShape(1, 0));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckReadShape(2, 1));
            Assert.Equal(BlockDeviceStatus.Ok, BlockRequestCheck.CheckEmptyShape(0, 0));
            Assert.Equal(BlockDeviceStatus.MalformedRequest, BlockRequestCheck.CheckEmptyShape(1, 0));
        }

        [Theory]
        [InlineData(0UL, 0UL, BlockDeviceStatus.TooLarge)]
        [InlineData(0UL, 1025UL, BlockDeviceStatus.TooLarge)]
        [InlineData(0UL, 1024UL, BlockDeviceStatus.Ok)]
        [InlineData(65535UL, 1UL, BlockDeviceStatus.Ok)]
        [InlineData(65535UL, 2UL, BlockDeviceStatus.OutOfRange)]
        [InlineData(65536UL, 1UL, BlockDeviceStatus.OutOfRange)]
        [InlineData(ulong.MaxValue, 1UL, BlockDeviceStatus.OutOfRange)]
        public void RangeOfA32MebibyteDisk(ulong first, ulong count, BlockDeviceStatus expected)
        {
            Assert.Equal(expected, BlockDeviceProtocol.CheckRange(first, count, 65536, 512, 1024));
        }
    }
}
