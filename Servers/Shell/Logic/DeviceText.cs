using Cosmos.Api.Devices;
using Cosmos.Drivers.Pci;

namespace Cosmos.Servers.Shell.Logic
{
    /// <summary>The lines of `lspci` and `disk`. Pure logic.</summary>
    internal static class DeviceText
    {
        /// <summary>
        /// One PCI function as <c>lspci -n</c> prints it, "bb:dd.f cccc: vvvv:dddd" (class and subclass as four hex
        /// digits), then its class name when known: "00:01.1 0101: 8086:7010 IDE controller".
        /// </summary>
        public static string Lspci(in PciFunction function)
        {
            string line = ((ulong)function.Bus).ToString("x2") + ":" + ((ulong)function.DeviceNumber).ToString("x2") + "." + ((ulong)function.FunctionNumber).ToString("x1")
                + " " + ((ulong)(function.ClassCode >> 8) & 0xFFFF).ToString("x4") + ": " + ((ulong)function.Vendor).ToString("x4") + ":" + ((ulong)function.Device).ToString("x4");
            string name = PciClassNames.Find(function.BaseClass, function.SubClass);
            return name == null ? line : line + " " + name;
        }

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
