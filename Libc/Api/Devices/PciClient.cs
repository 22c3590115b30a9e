using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Api.Devices
{
    /// <summary>A client of the PCI driver (<see cref="PciProtocol"/>) through a <see cref="ServiceConnection"/>. One thread at a time.</summary>
    public sealed class PciClient
    {
        private readonly ServiceConnection _connection;

        public PciClient(string name = DeviceNames.Pci)
        {
            _connection = new ServiceConnection(name);
        }

        public ServiceConnection Connection => _connection;

        public PciStatus Count(out int count)
        {
            count = 0;
            PciStatus status = Call(PciProtocol.Count, 0);
            if (status == PciStatus.Ok)
            {
                count = (int)Message.Current.Word(0);
            }
            return status;
        }

        public PciStatus Function(int index, out PciFunction function)
        {
            function = default;
            Message.Current.SetWord(0, (ulong)index);
            PciStatus status = Call(PciProtocol.Function, 1);
            if (status == PciStatus.Ok && !PciFunction.TryDecode(Message.Current.RegisterSpan.Slice(0, PciProtocol.FunctionWordCount), out function))
            {
                return PciStatus.MalformedRequest;
            }
            return status;
        }

        /// <summary>The <paramref name="match"/>-th function (from 0) of class <paramref name="baseClass"/>:<paramref name="subClass"/>; <paramref name="index"/> its number.</summary>
        public PciStatus FindClass(byte baseClass, byte subClass, int match, out int index, out PciFunction function)
        {
            index = -1;
            function = default;
            Message message = Message.Current;
            message.SetWord(0, (ulong)baseClass << 8 | subClass);
            message.SetWord(1, (ulong)match);
            PciStatus status = Call(PciProtocol.FindClass, 2);
            if (status != PciStatus.Ok)
            {
                return status;
            }
            index = (int)message.Word(0);
            if (!PciFunction.TryDecode(message.RegisterSpan.Slice(1, PciProtocol.FunctionWordCount), out function))
            {
                return PciStatus.MalformedRequest;
            }
            return status;
        }

        public PciStatus EnableBusMastering(int index, out ushort command)
        {
            command = 0;
            Message.Current.SetWord(0, (ulong)index);
            PciStatus status = Call(PciProtocol.EnableBusMastering, 1);
            if (status == PciStatus.Ok)
            {
                command = (ushort)Message.Current.Word(0);
            }
            return status;
        }

        private PciStatus Call(uint label, int words)
        {
            MessageTag.TryCreate(label, words, 0, MessageTagFlags.None, out MessageTag tag);
            return (PciStatus)_connection.CallForStatus(tag, (uint)PciStatus.Unreachable);
        }
    }
}
