using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.Shell.Terminal
{
    /// <summary>
    /// One thread per input device (the serial line, the keyboard): it blocks in a waiting Read and forwards the bytes
    /// to the main thread's input port with an IpcCall (label: the device's <see cref="InputSource"/>, words packed as
    /// in <see cref="CharacterDeviceProtocol"/>). A device that is not registered (yet, or after its driver died) is
    /// looked up again every <see cref="RetryNanoseconds"/> in the background, so it never holds the shell up.
    /// </summary>
    internal static unsafe class InputReaders
    {
        private const ulong RetryNanoseconds = 500_000_000;
        private const int StackBytes = 32 * 1024;
        private const int ReadBytes = 64;

        private static readonly CharacterDevice[] s_devices = new CharacterDevice[InputSource.Count];
        private static readonly byte[][] s_buffers = new byte[InputSource.Count][];
        private static readonly byte[][] s_stacks = new byte[InputSource.Count][];
        private static uint s_inputPort;

        /// <summary>Starts a reader thread for each device; the bytes go to <paramref name="inputPort"/> (a send right). Returns a failure, or null.</summary>
        public static string Start(uint inputPort, byte priority)
        {
            s_inputPort = inputPort;
            for (int source = 0; source < InputSource.Count; source++)
            {
                s_devices[source] = new CharacterDevice(InputSource.DeviceName(source));
                s_buffers[source] = new byte[ReadBytes];
                s_stacks[source] = new byte[StackBytes];
                long thread = Kernel.CreateThread(0, priority);
                if (thread < 0)
                {
                    return "cannot create a reader thread: " + Kernel.DescribeError(thread);
                }
                SystemCallError error = Kernel.StartThread((ulong)thread, (ulong)(delegate*<ulong, ulong, void>)&ReadLoop, Kernel.StackTopOf(s_stacks[source]), (ulong)source);
                if (error != SystemCallError.None)
                {
                    return "cannot start a reader thread: " + Kernel.DescribeError((long)error);
                }
            }
            return null;
        }

        // The reader thread: never returns.
        private static void ReadLoop(ulong argument, ulong utcb)
        {
            int source = (int)argument;
            CharacterDevice device = s_devices[source];
            byte[] buffer = s_buffers[source];
            while (true)
            {
                if (!device.Connection.IsConnected && device.Connection.Connect(0) != NameBrokerStatus.Ok)
                {
                    Kernel.Sleep(RetryNanoseconds);
                    continue;
                }
                CharacterDeviceStatus status = device.Read(buffer, true, out int count);
                if (status == CharacterDeviceStatus.Ok)
                {
                    if (count > 0)
                    {
                        Forward(source, buffer, count);
                    }
                }
                else if (status != CharacterDeviceStatus.Superseded)
                {
                    // Unreachable (gone and not back within the connection's wait) or refused: try again later.
                    if (status == CharacterDeviceStatus.Unreachable)
                    {
                        device.Connection.Disconnect();
                    }
                    Kernel.Sleep(RetryNanoseconds);
                }
            }
        }

        private static void Forward(int source, byte[] buffer, int count)
        {
            Message message = Message.Current;
            int words = CharacterDeviceProtocol.PackBytes(new System.ReadOnlySpan<byte>(buffer, 0, count), message.RegisterSpan);
            MessageTag.TryCreate((uint)source, words, 0, MessageTagFlags.None, out MessageTag tag);
            Ipc.Call(s_inputPort, tag);
        }
    }
}
