using Cosmos.Drivers.Pci;

namespace Servers.Tests
{
    /// <summary>A configuration space held in arrays: absent functions read all ones, as on real hardware.</summary>
    public struct SimulatedPciBus : IPciConfigurationReader
    {
        private readonly uint[][] _functions;

        public int ReadsOfAbsentFunctions;

        private SimulatedPciBus(uint[][] functions)
        {
            _functions = functions;
            ReadsOfAbsentFunctions = 0;
        }

        /// <summary>A bus with no functions at all.</summary>
        public static SimulatedPciBus Empty() =>
            new SimulatedPciBus(new uint[PciAddress.BusCount * PciAddress.DeviceCount * PciAddress.FunctionCount][]);

        public void Add(int bus, int device, int function, ushort vendor, ushort deviceId, byte classCode, byte subclass, byte programmingInterface, byte headerType)
        {
            uint[] dwords = new uint[64];
            dwords[0] = vendor | ((uint)deviceId << 16);
            dwords[2] = ((uint)classCode << 24) | ((uint)subclass << 16) | ((uint)programmingInterface << 8);
            dwords[3] = (uint)headerType << 16;
            _functions[Index(bus, device, function)] = dwords;
        }

        public uint Read(PciAddress address, int offset)
        {
            uint[] dwords = _functions[Index(address.Bus, address.Device, address.Function)];
            if (dwords == null)
            {
                ReadsOfAbsentFunctions++;
                return 0xFFFFFFFF;
            }

            return dwords[offset / 4];
        }

        /// <summary>QEMU's default i440FX machine as <c>lspci -n</c> lists it.</summary>
        public static SimulatedPciBus I440fx()
        {
            SimulatedPciBus bus = Empty();
            bus.Add(0, 0, 0, 0x8086, 0x1237, 0x06, 0x00, 0x00, 0x00);
            bus.Add(0, 1, 0, 0x8086, 0x7000, 0x06, 0x01, 0x00, 0x80);
            bus.Add(0, 1, 1, 0x8086, 0x7010, 0x01, 0x01, 0x80, 0x00);
            bus.Add(0, 1, 3, 0x8086, 0x7113, 0x06, 0x80, 0x00, 0x00);
            bus.Add(0, 2, 0, 0x1234, 0x1111, 0x03, 0x00, 0x00, 0x00);
            return bus;
        }

        private static int Index(int bus, int device, int function) =>
            ((bus * PciAddress.DeviceCount) + device) * PciAddress.FunctionCount + function;
    }
}
