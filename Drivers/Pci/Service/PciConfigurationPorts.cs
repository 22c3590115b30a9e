using Cosmos.Api;

namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Configuration mechanism #1 through ports 0xCF8 (address) and 0xCFC (data); the task must have enabled its
    /// IoPortRange capability for 0xCF8-0xCFF first. One thread at a time (the address port is shared state).
    /// </summary>
    internal struct PciConfigurationPorts : IPciConfigurationReader
    {
        public uint Read(PciAddress address, int offset)
        {
            if (!address.TryGetConfigurationAddress(offset, out uint word))
            {
                return 0xFFFFFFFF;
            }
            PortIo.OutDword(PciAddress.AddressPort, word);
            return PortIo.InDword(PciAddress.DataPort);
        }

        public void Write(PciAddress address, int offset, uint value)
        {
            if (!address.TryGetConfigurationAddress(offset, out uint word))
            {
                return;
            }
            PortIo.OutDword(PciAddress.AddressPort, word);
            PortIo.OutDword(PciAddress.DataPort, value);
        }
    }
}
