using Cosmos.Api.Devices;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>The lines of `disk` (lspci's are <see cref="Cosmos.Drivers.Pci.LspciLine"/>'s). Pure logic.</summary>
    internal static class DeviceText
    {
        /// <summary>"disk0: 2097152 sectors of 512 bytes (1024 MiB), QEMU HARDDISK, ATA bus-master DMA".</summary>
        public static string Disk(string name, in BlockDeviceInformation information)
        {
            string model = information.Model == null || information.Model.Length == 0 ? "unknown model" : information.Model;
            return name + ": " + information.SectorCount.ToString() + " sectors of " + information.SectorSize.ToString() + " bytes ("
                + (information.CapacityBytes / (1024 * 1024)).ToString() + " MiB), " + model + ", " + ModeName(information.Mode);
        }

        public static string ModeName(BlockTransferMode mode)
        {
            switch (mode)
            {
                case BlockTransferMode.AtaPio: return "ATA PIO";
                case BlockTransferMode.AtaBusMasterDma: return "ATA bus-master DMA";
                case BlockTransferMode.Ahci: return "AHCI";
                default: return "unknown mode";
            }
        }
    }
}
