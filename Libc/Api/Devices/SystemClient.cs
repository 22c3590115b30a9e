using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Api.Devices
{
    /// <summary>A client of the root task's system service (<see cref="SystemServiceProtocol"/>). One thread at a time.</summary>
    public sealed class SystemClient
    {
        private readonly ServiceConnection _connection;

        public SystemClient()
        {
            _connection = new ServiceConnection(DeviceNames.System);
        }

        /// <summary>Kills task <paramref name="taskId"/>; on Failed, <paramref name="error"/> is the kernel's reason.</summary>
        public SystemServiceStatus Kill(ulong taskId, out SystemCallError error)
        {
            error = SystemCallError.None;
            Message.Current.SetWord(0, taskId);
            SystemServiceStatus status = Call(SystemServiceProtocol.Kill, 1);
            if (status == SystemServiceStatus.Failed && Message.Current.ReceivedTag.UntypedCount >= 1)
            {
                error = (SystemCallError)(long)Message.Current.Word(0);
            }
            return status;
        }

        /// <summary>Resets the machine; returns only if that failed.</summary>
        public SystemServiceStatus Reboot() => Call(SystemServiceProtocol.Reboot, 0);

        /// <summary>Powers the machine off; returns only if that failed.</summary>
        public SystemServiceStatus Shutdown() => Call(SystemServiceProtocol.Shutdown, 0);

        public SystemServiceStatus MemoryFigures(out MemoryFigures figures)
        {
            figures = default;
            SystemServiceStatus status = Call(SystemServiceProtocol.MemoryFigures, 0);
            Message message = Message.Current;
            if (status == SystemServiceStatus.Ok)
            {
                if (message.ReceivedTag.UntypedCount < SystemServiceProtocol.MemoryFiguresWordCount)
                {
                    return SystemServiceStatus.MalformedRequest;
                }
                figures.Sigma0Frames = message.Word(0);
                figures.Sigma0FreeFrames = message.Word(1);
                figures.KernelFrames = message.Word(2);
                figures.KernelFreeFrames = message.Word(3);
                figures.PageSize = message.Word(4);
            }
            return status;
        }

        /// <summary>The supervised program number <paramref name="index"/> (from 0, in start order).</summary>
        public SystemServiceStatus Service(int index, out ulong taskId, out int restarts, out SupervisedState state, out string name)
        {
            taskId = 0;
            restarts = 0;
            state = 0;
            name = null;
            Message message = Message.Current;
            message.SetWord(0, (ulong)index);
            SystemServiceStatus status = Call(SystemServiceProtocol.Services, 1);
            if (status != SystemServiceStatus.Ok)
            {
                return status;
            }
            if (message.ReceivedTag.UntypedCount < SystemServiceProtocol.ServicesWordCount
                || BrokerName.TryDecode(message.RegisterSpan.Slice(3), out BrokerName encoded) != NameBrokerStatus.Ok)
            {
                return SystemServiceStatus.MalformedRequest;
            }
            taskId = message.Word(0);
            restarts = (int)message.Word(1);
            state = (SupervisedState)message.Word(2);
            name = encoded.ToString();
            return status;
        }

        private SystemServiceStatus Call(uint label, int words)
        {
            MessageTag.TryCreate(label, words, 0, MessageTagFlags.None, out MessageTag tag);
            return (SystemServiceStatus)_connection.CallForStatus(tag, (uint)SystemServiceStatus.Unreachable);
        }
    }

    /// <summary>Physical memory as the system service reports it.</summary>
    public struct MemoryFigures
    {
        public ulong Sigma0Frames;
        public ulong Sigma0FreeFrames;
        public ulong KernelFrames;
        public ulong KernelFreeFrames;
        public ulong PageSize;
    }
}
