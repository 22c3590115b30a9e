using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>
    /// "bad": requests the driver must refuse with a status (out of range, too large, no sectors, malformed words or
    /// items, an unknown label, a reply the caller's buffers cannot take), each sent raw so no client-side check stands
    /// in front of the driver; then a good read shows the driver still serves. Prints "disktest bad: CASE status=S" per case.
    /// </summary>
    internal static unsafe class BadRequests
    {
        public static string Run(BlockDevice device, in BlockDeviceInformation information)
        {
            ulong sectors = information.SectorCount;
            uint maximum = information.MaximumSectorsPerRequest;
            uint size = information.SectorSize;
            byte[] buffer = new byte[BlockDeviceProtocol.MaximumTransferBytes];
            int failures = 0;
            failures += Expect("read_past_end", RawRead(device, sectors, 1, 0, 2, 0), BlockDeviceStatus.OutOfRange);
            failures += Expect("read_across_end", RawRead(device, sectors - 1, 2, 0, 2, 0), BlockDeviceStatus.OutOfRange);
            failures += Expect("read_huge_lba", RawRead(device, ulong.MaxValue - 1, 2, 0, 2, 0), BlockDeviceStatus.OutOfRange);
            failures += Expect("read_zero_count", RawRead(device, 0, 0, 0, 2, 0), BlockDeviceStatus.TooLarge);
            failures += Expect("read_too_many", RawRead(device, 0, maximum + 1, 0, 2, 0), BlockDeviceStatus.TooLarge);
            failures += Expect("read_huge_count", RawRead(device, 0, ulong.MaxValue, 0, 2, 0), BlockDeviceStatus.TooLarge);
            failures += Expect("read_one_word", RawRead(device, 0, 1, 0, 1, 0), BlockDeviceStatus.MalformedRequest);
            fixed (byte* data = buffer)
            {
                failures += Expect("read_with_item", RawRead(device, 0, 1, 0, 2, (ulong)data), BlockDeviceStatus.MalformedRequest);
                failures += Expect("read_buffer_too_small", RawRead(device, 0, 2, size, 2, 0, (ulong)data), BlockDeviceStatus.MalformedRequest);
                failures += Expect("write_short_item", RawWrite(device, 0, 2, (ulong)data, size), BlockDeviceStatus.MalformedRequest);
                failures += Expect("write_no_item", RawWrite(device, 0, 1, 0, 0), BlockDeviceStatus.MalformedRequest);
                failures += Expect("write_zero_count", RawWrite(device, 0, 0, 0, 0), BlockDeviceStatus.TooLarge);
                failures += Expect("write_past_end", RawWrite(device, sectors, 1, (ulong)data, size), BlockDeviceStatus.OutOfRange);
            }
            MessageTag.TryCreate(99, 0, 0, MessageTagFlags.None, out MessageTag unknown);
            failures += Expect("unknown_label", Call(device, unknown), BlockDeviceStatus.UnknownRequest);
            MessageTag.TryCreate(BlockDeviceProtocol.Information, 3, 0, MessageTagFlags.None, out MessageTag wordy);
            failures += Expect("information_with_words", Call(device, wordy), BlockDeviceStatus.MalformedRequest);
            failures += Expect("good_read_after", device.Read(0, maximum, size, buffer), BlockDeviceStatus.Ok);
            return failures == 0 ? null : failures.ToString() + " cases answered wrongly";
        }

        private static int Expect(string name, BlockDeviceStatus status, BlockDeviceStatus expected)
        {
            Output.Line("bad: " + name + " status=" + Output.StatusName(status) + (status == expected ? " ok" : " expected=" + Output.StatusName(expected)));
            return status == expected ? 0 : 1;
        }

        // A Read with the given words (word count 1 or 2), an optional string item sent along, and an optional receive
        // buffer of receiveBytes at receiveAddress (none when receiveBytes is 0).
        private static BlockDeviceStatus RawRead(BlockDevice device, ulong first, ulong count, uint receiveBytes, int words, ulong itemAddress, ulong receiveAddress = 0)
        {
            Utcb* utcb = Kernel.CurrentUtcb;
            if (receiveBytes != 0)
            {
                utcb->StringReceiveBuffers[0] = receiveBytes;
                utcb->StringReceiveBuffers[1] = receiveAddress;
                utcb->StringReceiveBufferCount = 1;
            }
            Message message = Message.Current;
            MessageBuilder builder = message.Build(BlockDeviceProtocol.Read, words);
            builder.SetWord(0, first);
            if (words > 1)
            {
                builder.SetWord(1, count);
            }
            if (itemAddress != 0)
            {
                builder.AddString(itemAddress, 512);
            }
            builder.TryGetTag(out MessageTag tag);
            BlockDeviceStatus status = Call(device, tag);
            utcb->StringReceiveBufferCount = 0;
            return status;
        }

        private static BlockDeviceStatus RawWrite(BlockDevice device, ulong first, ulong count, ulong itemAddress, uint itemBytes)
        {
            Message message = Message.Current;
            MessageBuilder builder = message.Build(BlockDeviceProtocol.Write, 2);
            builder.SetWord(0, first);
            builder.SetWord(1, count);
            if (itemAddress != 0)
            {
                builder.AddString(itemAddress, itemBytes);
            }
            builder.TryGetTag(out MessageTag tag);
            return Call(device, tag);
        }

        private static BlockDeviceStatus Call(BlockDevice device, MessageTag tag)
        {
            IpcResult result = device.Connection.Call(tag);
            return result.Succeeded && result.IsMessage ? (BlockDeviceStatus)Message.Current.ReceivedLabel : BlockDeviceStatus.Unreachable;
        }
    }
}
