using Cosmos.Api.Ipc;

namespace Cosmos.Drivers.Keyboard
{
    /// <summary>The <see cref="ServerLoop"/>'s handler: requests and IRQ 1's notification bits go to the <see cref="KeyboardDriver"/>.</summary>
    internal struct KeyboardRequestHandler : IMessageHandler
    {
        private readonly KeyboardDriver _driver;

        public KeyboardRequestHandler(KeyboardDriver driver)
        {
            _driver = driver;
        }

        public ServerAction HandleMessage(MessageTag request, ulong badge, out MessageTag reply) => _driver.HandleMessage(request, out reply);

        public ServerAction HandleNotification(ulong bits)
        {
            if ((bits & KeyboardDriver.InterruptBit) != 0)
            {
                _driver.HandleInterrupt();
            }

            return ServerAction.Wait;
        }
    }
}
