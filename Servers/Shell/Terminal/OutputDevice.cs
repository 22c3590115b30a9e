using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Naming;

namespace Cosmos.Servers.Shell.Terminal
{
    /// <summary>
    /// One device the shell writes to (the serial line, the console). While its driver is not registered the output is
    /// dropped, and the name is looked up again at most once every <see cref="RetryNanoseconds"/>, so a missing
    /// device never holds the shell up.
    /// </summary>
    internal sealed class OutputDevice
    {
        private const ulong RetryNanoseconds = 1_000_000_000;

        private readonly CharacterDevice _device;
        private ulong _nextAttempt;

        public OutputDevice(string name)
        {
            _device = new CharacterDevice(name);
        }

        public bool IsConnected => _device.Connection.IsConnected;

        /// <summary>Looks the driver up, waiting up to <paramref name="timeoutNanoseconds"/> for it to register.</summary>
        public bool Connect(ulong timeoutNanoseconds)
        {
            return _device.Connection.Connect(timeoutNanoseconds) == NameBrokerStatus.Ok;
        }

        public void Write(string text)
        {
            if (!_device.Connection.IsConnected)
            {
                ulong now = Kernel.Uptime();
                if (now < _nextAttempt)
                {
                    return;
                }
                if (_device.Connection.Connect(0) != NameBrokerStatus.Ok)
                {
                    _nextAttempt = now + RetryNanoseconds;
                    return;
                }
            }
            if (_device.Write(text) == CharacterDeviceStatus.Unreachable)
            {
                _device.Connection.Disconnect();
                _nextAttempt = Kernel.Uptime() + RetryNanoseconds;
            }
        }
    }
}
