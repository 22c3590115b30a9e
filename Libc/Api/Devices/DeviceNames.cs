namespace Cosmos.Api.Devices
{
    /// <summary>
    /// The names the standard drivers and servers register at the name broker (docs/ARCHITECTURE.md, section 7). A disk
    /// driver registers <see cref="Disk"/> followed by its disk's number ("disk0", "disk1", ...).
    /// </summary>
    public static class DeviceNames
    {
        /// <summary>The 16550 serial driver: a character device (<see cref="CharacterDeviceProtocol"/>), reading and writing.</summary>
        public const string Serial = "serial";

        /// <summary>The PS/2 keyboard driver: a character device, reading only (terminal bytes, see <see cref="CharacterDeviceProtocol"/>).</summary>
        public const string Keyboard = "keyboard";

        /// <summary>The screen (VGA text mode or a framebuffer text console): a character device, writing only.</summary>
        public const string Console = "console";

        /// <summary>The PCI bus driver (<see cref="PciProtocol"/>).</summary>
        public const string Pci = "pci";

        /// <summary>The prefix of block devices (<see cref="BlockDeviceProtocol"/>): "disk0" is the first disk.</summary>
        public const string Disk = "disk";

        /// <summary>The root task's system service (<see cref="SystemServiceProtocol"/>): kill, reboot, shutdown, memory figures.</summary>
        public const string System = "system";
    }
}
