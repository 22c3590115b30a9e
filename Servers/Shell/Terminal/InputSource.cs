using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Terminal
{
    /// <summary>The devices the shell reads: a number per device, used as the label of the reader threads' messages.</summary>
    internal static class InputSource
    {
        public const int Serial = 0;
        public const int Keyboard = 1;
        public const int Count = 2;

        public static string DeviceName(int source) => source == Serial ? DeviceNames.Serial : DeviceNames.Keyboard;
    }
}
