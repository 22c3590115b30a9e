using Cosmos.Api.Devices;

namespace Cosmos.Drivers.Pci
{
    /// <summary>Every function found at start-up, numbered in bus, device, function order, with what the protocol reports of each.</summary>
    internal static class PciFunctionTable
    {
        /// <summary>More functions than any machine this OS boots on has; enumeration stops there.</summary>
        public const int Capacity = 256;

        public static PciFunctionHeader[] Headers;
        public static PciFunction[] Functions;
        public static int Count;

        /// <summary>Scans every bus, device and function and sizes every BAR.</summary>
        public static void Build()
        {
            PciConfigurationPorts ports = default;
            PciFunctionHeader[] found = new PciFunctionHeader[Capacity];
            int count = PciEnumeration.Enumerate(ref ports, found);
            PciFunction[] functions = new PciFunction[count];
            for (int index = 0; index < count; index++)
            {
                BaseAddressRegister[] registers = BaseAddressProbe.Probe(ref ports, found[index]);
                uint interrupt = ports.Read(found[index].Address, PciFunctionDescription.InterruptDwordOffset);
                functions[index] = PciFunctionDescription.Describe(found[index], interrupt, registers);
            }
            Headers = found;
            Functions = functions;
            Count = count;
        }

        /// <summary>The number of distinct buses the functions sit on.</summary>
        public static int BusCount()
        {
            int buses = 0;
            int last = -1;
            for (int index = 0; index < Count; index++)
            {
                if (Headers[index].Address.Bus != last)
                {
                    last = Headers[index].Address.Bus;
                    buses++;
                }
            }
            return buses;
        }

        /// <summary>Sets the I/O space, memory space and bus-master bits of function <paramref name="index"/>; returns the command register read back.</summary>
        public static ushort EnableBusMastering(int index)
        {
            PciConfigurationPorts ports = default;
            PciAddress address = Headers[index].Address;
            uint command = ports.Read(address, BaseAddressProbe.CommandOffset) & 0xFFFF;
            command |= BaseAddressProbe.IoSpaceBit | BaseAddressProbe.MemorySpaceBit | BaseAddressProbe.BusMasterBit;
            ports.Write(address, BaseAddressProbe.CommandOffset, command);
            return (ushort)ports.Read(address, BaseAddressProbe.CommandOffset);
        }
    }
}
