using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Serial
{
    /// <summary>The <see cref="ServerLoop"/>'s handler: requests and the UART's interrupt both go to the <see cref="SerialDevice"/>.</summary>
    internal struct SerialRequestHandler : IMessageHandler
    {
        private readonly SerialDevice _device;

        public SerialRequestHandler(SerialDevice device)
        {
            _device = device;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply) => _device.HandleMessage(request, out reply);

        public ServerAction HandleNotification(ulong bits) => _device.HandleInterrupt();
    }
}
