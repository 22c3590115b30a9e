namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// Reads one configuration dword. The driver implements it with ports 0xCF8/0xCFC; tests simulate a bus.
    /// Implemented by structs and passed as a generic parameter, so enumeration needs no delegates or boxing.
    /// </summary>
    public interface IPciConfigurationReader
    {
        /// <summary>The dword at <paramref name="offset"/> (a multiple of 4 below 256); 0xFFFFFFFF for an absent function.</summary>
        uint Read(PciAddress address, int offset);
    }
}
