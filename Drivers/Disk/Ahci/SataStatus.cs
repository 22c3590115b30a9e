namespace Cosmos.Drivers.Disk.Ahci
{
    /// <summary>A port's PxSSTS register: is a device there, at what speed, in what power state (AHCI 1.3.1, 3.3.10).</summary>
    internal readonly struct SataStatus
    {
        /// <summary>DET = 3: a device is present and the PHY has established communication.</summary>
        public const int DevicePresentAndCommunicating = 3;

        /// <summary>IPM = 1: the interface is in the active state.</summary>
        public const int InterfaceActive = 1;

        public readonly uint Value;

        public SataStatus(uint value) => Value = value;

        /// <summary>DET: 0 nothing, 1 present without communication, 3 present and communicating, 4 PHY offline.</summary>
        public int Detection => (int)(Value & 0xF);

        /// <summary>SPD: the negotiated generation (1, 2, 3), 0 when none.</summary>
        public int Speed => (int)((Value >> 4) & 0xF);

        /// <summary>IPM: 0 no device, 1 active, 2 partial, 6 slumber, 8 DevSleep.</summary>
        public int PowerState => (int)((Value >> 8) & 0xF);

        /// <summary>A device answers on the link (present, communicating; not asleep in a state commands cannot wake).</summary>
        public bool DeviceReady => Detection == DevicePresentAndCommunicating;
    }
}
