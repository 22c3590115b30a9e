using System;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Api.Devices
{
    /// <summary>
    /// A client of one block device (<see cref="BlockDeviceProtocol"/>) through a <see cref="ServiceConnection"/>, so a
    /// restarted disk driver is found again by itself. Buffers must be mapped (heap arrays are). One thread at a time.
    /// </summary>
    public sealed unsafe class BlockDevice
    {
        private readonly ServiceConnection _connection;

        public BlockDevice(string name)
        {
            _connection = new ServiceConnection(name);
        }

        public ServiceConnection Connection => _connection;

        public BlockDeviceStatus Information(out BlockDeviceInformation information)
        {
            information = default;
            Message message = Message.Current;
            MessageTag.TryCreate(BlockDeviceProtocol.Information, 0, 0, MessageTagFlags.None, out MessageTag tag);
            BlockDeviceStatus status = (BlockDeviceStatus)_connection.CallForStatus(tag, (uint)BlockDeviceStatus.Unreachable);
            if (status == BlockDeviceStatus.Ok
                && !BlockDeviceProtocol.TryDecodeInformation(message.RegisterSpan, message.ReceivedTag.UntypedCount, out information))
            {
                return BlockDeviceStatus.MalformedRequest;
            }
            return status;
        }

        /// <summary>Reads <paramref name="count"/> sectors of <paramref name="sectorSize"/> bytes from <paramref name="firstSector"/> into <paramref name="buffer"/>.</summary>
        public BlockDeviceStatus Read(ulong firstSector, uint count, uint sectorSize, Span<byte> buffer)
        {
            long bytes = (long)count * sectorSize;
            if (count == 0 || bytes > buffer.Length || bytes > BlockDeviceProtocol.MaximumTransferBytes)
            {
                return BlockDeviceStatus.TooLarge;
            }
            fixed (byte* data = buffer)
            {
                Utcb* utcb = Kernel.CurrentUtcb;
                int items = BlockDeviceProtocol.StringItemsFor(bytes);
                for (int i = 0; i < items; i++)
                {
                    long length = bytes - (long)i * BlockDeviceProtocol.StringItemBytes;
                    if (length > BlockDeviceProtocol.StringItemBytes)
                    {
                        length = BlockDeviceProtocol.StringItemBytes;
                    }
                    utcb->StringReceiveBuffers[2 * i] = (ulong)length;
                    utcb->StringReceiveBuffers[2 * i + 1] = (ulong)(data + (long)i * BlockDeviceProtocol.StringItemBytes);
                }
                utcb->StringReceiveBufferCount = (ulong)items;
                Message message = Message.Current;
                message.SetWord(0, firstSector);
                message.SetWord(1, count);
                MessageTag.TryCreate(BlockDeviceProtocol.Read, 2, 0, MessageTagFlags.None, out MessageTag tag);
                BlockDeviceStatus status = (BlockDeviceStatus)_connection.CallForStatus(tag, (uint)BlockDeviceStatus.Unreachable);
                utcb->StringReceiveBufferCount = 0;
                if (status == BlockDeviceStatus.Ok && (message.ReceivedTag.TypedCount != items || message.Word(0) != count))
                {
                    return BlockDeviceStatus.MalformedRequest;
                }
                return status;
            }
        }

        /// <summary>Writes <paramref name="count"/> sectors of <paramref name="sectorSize"/> bytes from <paramref name="buffer"/> at <paramref name="firstSector"/>.</summary>
        public BlockDeviceStatus Write(ulong firstSector, uint count, uint sectorSize, ReadOnlySpan<byte> buffer)
        {
            long bytes = (long)count * sectorSize;
            if (count == 0 || bytes > buffer.Length || bytes > BlockDeviceProtocol.MaximumTransferBytes)
            {
                return BlockDeviceStatus.TooLarge;
            }
            fixed (byte* data = buffer)
            {
                Message message = Message.Current;
                MessageBuilder builder = message.Build(BlockDeviceProtocol.Write, 2);
                builder.SetWord(0, firstSector);
                builder.SetWord(1, count);
                int items = BlockDeviceProtocol.StringItemsFor(bytes);
                for (int i = 0; i < items; i++)
                {
                    long length = bytes - (long)i * BlockDeviceProtocol.StringItemBytes;
                    if (length > BlockDeviceProtocol.StringItemBytes)
                    {
                        length = BlockDeviceProtocol.StringItemBytes;
                    }
                    builder.AddString((ulong)(data + (long)i * BlockDeviceProtocol.StringItemBytes), (ulong)length);
                }
                if (builder.TryGetTag(out MessageTag tag) != MessageError.None)
                {
                    return BlockDeviceStatus.MalformedRequest;
                }
                return (BlockDeviceStatus)_connection.CallForStatus(tag, (uint)BlockDeviceStatus.Unreachable);
            }
        }

        public BlockDeviceStatus Flush()
        {
            MessageTag.TryCreate(BlockDeviceProtocol.Flush, 0, 0, MessageTagFlags.None, out MessageTag tag);
            return (BlockDeviceStatus)_connection.CallForStatus(tag, (uint)BlockDeviceStatus.Unreachable);
        }

        public static string Describe(BlockDeviceStatus status) => status switch
        {
            BlockDeviceStatus.Ok => "ok",
            BlockDeviceStatus.OutOfRange => "sector out of range",
            BlockDeviceStatus.TooLarge => "too many sectors for one request",
            BlockDeviceStatus.DeviceError => "device error",
            BlockDeviceStatus.MalformedRequest => "malformed request or answer",
            BlockDeviceStatus.UnknownRequest => "unknown request",
            BlockDeviceStatus.ReadOnly => "read-only device",
            BlockDeviceStatus.Unreachable => "driver unreachable",
            _ => "unknown status",
        };
    }
}
