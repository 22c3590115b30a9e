using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// Serves <see cref="BlockDeviceProtocol"/> for one <see cref="BlockController"/> on one thread. Sector data never
    /// stops anywhere but the DMA buffer: a Write's string items land there (the buffer is declared, in 64 KiB pieces, as
    /// the thread's string receive buffers before every receive), a Read's reply sends its items from there. Every bad
    /// request gets a status; nothing a client sends ends the server.
    /// </summary>
    internal unsafe struct BlockServer : IMessageHandler
    {
        private readonly BlockController _controller;
        private readonly DmaBuffer _buffer;
        private readonly BlockDeviceInformation _information;

        public BlockServer(BlockController controller, DmaBuffer buffer)
        {
            _controller = controller;
            _buffer = buffer;
            _information = controller.Information;
        }

        /// <summary>Declares the DMA buffer as the calling thread's string receive buffers: item n lands at n × 64 KiB.</summary>
        public void DeclareReceiveBuffers()
        {
            Utcb* utcb = Kernel.CurrentUtcb;
            int count = _buffer.Bytes / BlockDeviceProtocol.StringItemBytes;
            if (count > BlockDeviceProtocol.MaximumStringItems)
            {
                count = BlockDeviceProtocol.MaximumStringItems;
            }
            for (int i = 0; i < count; i++)
            {
                utcb->StringReceiveBuffers[2 * i] = BlockDeviceProtocol.StringItemBytes;
                utcb->StringReceiveBuffers[2 * i + 1] = (ulong)(_buffer.Virtual + (long)i * BlockDeviceProtocol.StringItemBytes);
            }
            utcb->StringReceiveBufferCount = (ulong)count;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Message message = Message.Current;
            switch (request.Label)
            {
                case BlockDeviceProtocol.Information:
                    reply = Information(request, message);
                    break;
                case BlockDeviceProtocol.Read:
                    reply = Read(request, message);
                    break;
                case BlockDeviceProtocol.Write:
                    reply = Write(request, message);
                    break;
                case BlockDeviceProtocol.Flush:
                    BlockDeviceStatus shape = BlockRequestCheck.CheckEmptyShape(request.UntypedCount, request.TypedCount);
                    reply = Status(shape == BlockDeviceStatus.Ok ? _controller.Flush() : shape);
                    break;
                default:
                    reply = Status(BlockDeviceStatus.UnknownRequest);
                    break;
            }
            DeclareReceiveBuffers();
            return ServerAction.Reply;
        }

        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private MessageTag Information(MessageTag request, Message message)
        {
            BlockDeviceStatus shape = BlockRequestCheck.CheckEmptyShape(request.UntypedCount, request.TypedCount);
            if (shape != BlockDeviceStatus.Ok)
            {
                return Status(shape);
            }
            BlockDeviceProtocol.EncodeInformation(_information, message.RegisterSpan);
            MessageTag.TryCreate((uint)BlockDeviceStatus.Ok, BlockDeviceProtocol.InformationWordCount, 0, MessageTagFlags.None, out MessageTag reply);
            return reply;
        }

        private MessageTag Read(MessageTag request, Message message)
        {
            BlockDeviceStatus status = BlockRequestCheck.CheckReadShape(request.UntypedCount, request.TypedCount);
            ulong first = message.Word(0);
            ulong count = message.Word(1);
            if (status == BlockDeviceStatus.Ok)
            {
                status = CheckRange(first, count);
            }
            if (status == BlockDeviceStatus.Ok)
            {
                status = _controller.Read(first, (uint)count);
            }
            if (status != BlockDeviceStatus.Ok)
            {
                return Status(status);
            }
            long bytes = (long)count * _information.SectorSize;
            MessageBuilder builder = message.Build((uint)BlockDeviceStatus.Ok, 1);
            builder.SetWord(0, count);
            int items = BlockDeviceProtocol.StringItemsFor(bytes);
            for (int i = 0; i < items; i++)
            {
                long length = bytes - (long)i * BlockDeviceProtocol.StringItemBytes;
                if (length > BlockDeviceProtocol.StringItemBytes)
                {
                    length = BlockDeviceProtocol.StringItemBytes;
                }
                builder.AddString((ulong)(_buffer.Virtual + (long)i * BlockDeviceProtocol.StringItemBytes), (ulong)length);
            }
            return builder.TryGetTag(out MessageTag reply) == MessageError.None ? reply : Status(BlockDeviceStatus.DeviceError);
        }

        private MessageTag Write(MessageTag request, Message message)
        {
            if (request.UntypedCount != 2)
            {
                return Status(BlockDeviceStatus.MalformedRequest);
            }
            ulong first = message.Word(0);
            ulong count = message.Word(1);
            BlockDeviceStatus status = CheckRange(first, count);
            if (status == BlockDeviceStatus.Ok)
            {
                status = BlockRequestCheck.CheckWriteItems(message.RegisterSpan, request.UntypedCount, request.TypedCount,
                    (long)count * _information.SectorSize, (ulong)_buffer.Virtual);
            }
            if (status == BlockDeviceStatus.Ok)
            {
                status = _controller.Write(first, (uint)count);
            }
            if (status != BlockDeviceStatus.Ok)
            {
                return Status(status);
            }
            message.SetWord(0, count);
            MessageTag.TryCreate((uint)BlockDeviceStatus.Ok, 1, 0, MessageTagFlags.None, out MessageTag reply);
            return reply;
        }

        private BlockDeviceStatus CheckRange(ulong first, ulong count)
        {
            uint maximum = _information.MaximumSectorsPerRequest;
            uint fit = (uint)(_buffer.Bytes / _information.SectorSize);
            return BlockDeviceProtocol.CheckRange(first, count, _information.SectorCount, _information.SectorSize, maximum < fit ? maximum : fit);
        }

        private static MessageTag Status(BlockDeviceStatus status)
        {
            MessageTag.TryCreate((uint)status, 0, 0, MessageTagFlags.None, out MessageTag reply);
            return reply;
        }
    }
}
