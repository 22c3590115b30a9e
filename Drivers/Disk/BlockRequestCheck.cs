using System;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// The block server's checks of a request's shape (<see cref="BlockDeviceProtocol"/>): word and item counts, and for a
    /// Write that its string items arrived, in order, in the server's receive buffers (64 KiB each from the DMA buffer's
    /// start) with exactly the request's bytes. Pure: reads the message registers it is given.
    /// </summary>
    internal static class BlockRequestCheck
    {
        /// <summary>Read: two words (first sector, count), no items.</summary>
        public static BlockDeviceStatus CheckReadShape(int untypedCount, int typedCount) =>
            untypedCount == 2 && typedCount == 0 ? BlockDeviceStatus.Ok : BlockDeviceStatus.MalformedRequest;

        /// <summary>Information and Flush: no words, no items.</summary>
        public static BlockDeviceStatus CheckEmptyShape(int untypedCount, int typedCount) =>
            untypedCount == 0 && typedCount == 0 ? BlockDeviceStatus.Ok : BlockDeviceStatus.MalformedRequest;

        /// <summary>
        /// A Write's items: <paramref name="registers"/> are the message registers, the items follow the two words. Each item
        /// must be a string delivered into receive buffer i (at <paramref name="bufferAddress"/> + i × 64 KiB) with 64 KiB,
        /// the last with the rest of <paramref name="bytes"/>.
        /// </summary>
        public static BlockDeviceStatus CheckWriteItems(ReadOnlySpan<ulong> registers, int untypedCount, int typedCount, long bytes, ulong bufferAddress)
        {
            if (untypedCount != 2 || bytes <= 0 || typedCount != BlockDeviceProtocol.StringItemsFor(bytes))
            {
                return BlockDeviceStatus.MalformedRequest;
            }
            for (int i = 0; i < typedCount; i++)
            {
                int first = untypedCount + i * MessageLimits.TypedItemWordCount;
                if (first + 1 >= registers.Length)
                {
                    return BlockDeviceStatus.MalformedRequest;
                }
                ulong itemWord = registers[first];
                long expected = bytes - (long)i * BlockDeviceProtocol.StringItemBytes;
                if (expected > BlockDeviceProtocol.StringItemBytes)
                {
                    expected = BlockDeviceProtocol.StringItemBytes;
                }
                if (TypedItem.KindOf(itemWord) != TypedItemKind.String
                    || (long)(itemWord >> StringItem.LengthShift) != expected
                    || registers[first + 1] != bufferAddress + (ulong)i * BlockDeviceProtocol.StringItemBytes)
                {
                    return BlockDeviceStatus.MalformedRequest;
                }
            }
            return BlockDeviceStatus.Ok;
        }
    }
}
