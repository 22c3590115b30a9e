namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// One PCI function's place on the bus: bus 0-255, device 0-31, function 0-7. Built only through
    /// <see cref="TryCreate"/>, so a value of this type is always in range.
    /// </summary>
    public readonly struct PciAddress
    {
        public const int BusCount = 256;
        public const int DeviceCount = 32;
        public const int FunctionCount = 8;

        /// <summary>The configuration space a legacy configuration mechanism #1 access reaches, in bytes.</summary>
        public const int ConfigurationSpaceSize = 256;

        /// <summary>Port that takes the address word of configuration mechanism #1.</summary>
        public const ushort AddressPort = 0xCF8;

        /// <summary>Port through which the addressed configuration dword is read or written.</summary>
        public const ushort DataPort = 0xCFC;

        private const uint EnableBit = 1u << 31;

        public byte Bus { get; }
        public byte Device { get; }
        public byte Function { get; }

        private PciAddress(byte bus, byte device, byte function)
        {
            Bus = bus;
            Device = device;
            Function = function;
        }

        /// <summary>Returns false, leaving <paramref name="address"/> default, when any part is out of range.</summary>
        public static bool TryCreate(int bus, int device, int function, out PciAddress address)
        {
            address = default;
            if (bus < 0 || bus >= BusCount || device < 0 || device >= DeviceCount || function < 0 || function >= FunctionCount)
            {
                return false;
            }

            address = new PciAddress((byte)bus, (byte)device, (byte)function);
            return true;
        }

        /// <summary>
        /// The word to write to port 0xCF8 to reach the dword holding <paramref name="offset"/>. The low two bits of the
        /// offset are dropped because the data port always carries a whole dword. Returns false for an offset outside
        /// the 256-byte legacy configuration space.
        /// </summary>
        public bool TryGetConfigurationAddress(int offset, out uint word)
        {
            word = 0;
            if (offset < 0 || offset >= ConfigurationSpaceSize)
            {
                return false;
            }

            word = EnableBit | ((uint)Bus << 16) | ((uint)Device << 11) | ((uint)Function << 8) | ((uint)offset & 0xFC);
            return true;
        }

        public bool Equals(PciAddress other) => Bus == other.Bus && Device == other.Device && Function == other.Function;
    }
}
