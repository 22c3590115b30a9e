using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Pci
{
    /// <summary>Answers <see cref="PciProtocol"/> requests from the <see cref="PciFunctionTable"/>.</summary>
    internal struct PciRequestHandler : IMessageHandler
    {
        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply)
        {
            Message message = Message.Current;
            int words = 0;
            PciStatus status;
            if (request.TypedCount != 0)
            {
                status = PciStatus.MalformedRequest;
            }
            else
            {
                switch (request.Label)
                {
                    case PciProtocol.Count:
                        message.SetWord(0, (ulong)PciFunctionTable.Count);
                        words = 1;
                        status = PciStatus.Ok;
                        break;
                    case PciProtocol.Function:
                        status = TryIndex(request, message, out int index);
                        if (status == PciStatus.Ok)
                        {
                            PciFunctionTable.Functions[index].Encode(message.RegisterSpan);
                            words = PciProtocol.FunctionWordCount;
                        }
                        break;
                    case PciProtocol.FindClass:
                        status = FindClass(request, message, out words);
                        break;
                    case PciProtocol.EnableBusMastering:
                        status = TryIndex(request, message, out int target);
                        if (status == PciStatus.Ok)
                        {
                            message.SetWord(0, PciFunctionTable.EnableBusMastering(target));
                            words = 1;
                        }
                        break;
                    default:
                        status = PciStatus.UnknownRequest;
                        break;
                }
            }
            MessageTag.TryCreate((uint)status, words, 0, MessageTagFlags.None, out reply);
            return ServerAction.Reply;
        }

        public ServerAction HandleNotification(ulong bits) => ServerAction.Wait;

        private static PciStatus TryIndex(MessageTag request, Message message, out int index)
        {
            index = -1;
            if (request.UntypedCount < 1)
            {
                return PciStatus.MalformedRequest;
            }
            ulong word = message.Word(0);
            if (word >= (ulong)PciFunctionTable.Count)
            {
                return PciStatus.NotFound;
            }
            index = (int)word;
            return PciStatus.Ok;
        }

        private static PciStatus FindClass(MessageTag request, Message message, out int words)
        {
            words = 0;
            if (request.UntypedCount < 2 || message.Word(0) > 0xFFFF)
            {
                return PciStatus.MalformedRequest;
            }
            byte baseClass = (byte)(message.Word(0) >> 8);
            byte subClass = (byte)message.Word(0);
            ulong match = message.Word(1);
            ulong seen = 0;
            for (int index = 0; index < PciFunctionTable.Count; index++)
            {
                if (!PciFunctionDescription.IsClass(PciFunctionTable.Functions[index], baseClass, subClass))
                {
                    continue;
                }
                if (seen++ == match)
                {
                    message.SetWord(0, (ulong)index);
                    PciFunctionTable.Functions[index].Encode(message.RegisterSpan.Slice(1));
                    words = 1 + PciProtocol.FunctionWordCount;
                    return PciStatus.Ok;
                }
            }
            return PciStatus.NotFound;
        }
    }
}
