using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Api.Naming;
using Cosmos.Drivers.Disk.Ahci;
using Cosmos.Drivers.Disk.Ide;
using Internal.Runtime;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// The disk driver: "disk ide PCIINDEX" or "disk ahci PCIINDEX". Finds its PCI function through the "pci" driver,
    /// turns bus mastering on, takes a 512 KiB DMA buffer from sigma0, sets up the controller, registers the first free
    /// "diskN" and serves <see cref="BlockDeviceProtocol"/> on one thread (<see cref="BlockServer"/>).
    /// Slots: 3 register right, 4 sigma0 memory right; IDE: 5 ports 0x1F0-0x1F7, 6 port 0x3F6, 7 IRQ 14, 8 bus-master
    /// ports (BAR 4; may be absent: ATA PIO then); AHCI: 5 the ABAR device right, 6 the interrupt line.
    /// </summary>
    internal static class DiskDriverMain
    {
        private const uint RegisterSlot = GivenCapabilitySlots.First;
        private const uint Sigma0Slot = GivenCapabilitySlots.First + 1;
        private const uint IdeCommandSlot = GivenCapabilitySlots.First + 2;
        private const uint IdeControlSlot = GivenCapabilitySlots.First + 3;
        private const uint IdeInterruptSlot = GivenCapabilitySlots.First + 4;
        private const uint IdeBusMasterSlot = GivenCapabilitySlots.First + 5;
        private const uint AhciAbarSlot = GivenCapabilitySlots.First + 2;
        private const uint AhciInterruptSlot = GivenCapabilitySlots.First + 3;

        /// <summary>The most disks one machine's drivers register ("disk0" to "disk7").</summary>
        private const int MaximumDisks = 8;

        /// <summary>How long to wait for the PCI driver to register at start-up: 10 s.</summary>
        private const ulong PciWaitNanoseconds = 10_000_000_000;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            if (arguments.Length != 3 || (arguments[1] != "ide" && arguments[1] != "ahci") || !TryParseIndex(arguments[2], out int index))
            {
                Kernel.DebugWrite("disk: usage: disk ide|ahci PCIINDEX\n");
                return 1;
            }
            bool ahci = arguments[1] == "ahci";
            if (!TryGetFunction(index, out PciFunction function, out string error)
                || !TryAllocate(out DmaBuffer buffer, out DmaBuffer table, ahci, out error)
                || !TryCreateController(ahci, function, buffer, table, out BlockController controller, out error))
            {
                Kernel.DebugWrite("disk: " + arguments[1] + " at PCI function " + index.ToString() + ": " + error + "\n");
                // No disk is not a failure of the driver: it ends with 0, so a supervisor need not start it again.
                return error == IdeController.NoDiskError || error == Ahci.AhciController.NoDiskError ? 0 : 1;
            }
            BlockDeviceInformation information = controller.Information;
            if (!TryRegister(out uint port, out string name, out error))
            {
                Kernel.DebugWrite("disk: " + error + "\n");
                return 1;
            }
            Kernel.DebugWrite("disk: " + name + " " + information.Model + ", " + information.SectorCount.ToString() + " sectors of "
                + information.SectorSize.ToString() + " bytes (" + Capacity(information.CapacityBytes) + "), " + ModeName(information.Mode) + "\n");
            BlockServer server = new BlockServer(controller, buffer);
            while (true)
            {
                server.DeclareReceiveBuffers();
                BlockEndpoint endpoint = new BlockEndpoint(port);
                IpcResult result = ServerLoop.Run(ref endpoint, ref server);
                if (result.Error != SystemCallError.PartnerGone && result.Error != SystemCallError.TransferFailed)
                {
                    Kernel.DebugWrite("disk: " + name + " stops serving: " + Kernel.DescribeError(result.Value) + "\n");
                    return 1;
                }
            }
        }

        private static bool TryParseIndex(string text, out int index)
        {
            index = 0;
            if (text.Length == 0 || text.Length > 3)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
                index = index * 10 + (text[i] - '0');
            }
            return true;
        }

        private static bool TryGetFunction(int index, out PciFunction function, out string error)
        {
            function = default;
            PciClient pci = new PciClient();
            NameBrokerStatus connected = pci.Connection.Connect(PciWaitNanoseconds);
            if (connected != NameBrokerStatus.Ok)
            {
                error = "no PCI driver: " + NameBroker.Describe(connected);
                return false;
            }
            PciStatus status = pci.Function(index, out function);
            if (status != PciStatus.Ok)
            {
                error = "the PCI driver has no function " + index.ToString() + " (" + status.ToString() + ")";
                return false;
            }
            status = pci.EnableBusMastering(index, out _);
            if (status != PciStatus.Ok)
            {
                error = "cannot turn bus mastering on (" + status.ToString() + ")";
                return false;
            }
            error = null;
            return true;
        }

        private static bool TryAllocate(out DmaBuffer buffer, out DmaBuffer table, bool ahci, out string error)
        {
            table = default;
            Sigma0Status status = DmaMemory.Allocate(Sigma0Slot, DmaMemory.DataBufferLog2, DmaMemory.DataWindow, out buffer);
            if (status == Sigma0Status.Success && !ahci)
            {
                status = DmaMemory.Allocate(Sigma0Slot, DmaMemory.PageLog2, DmaMemory.TableWindow, out table);
            }
            if (status != Sigma0Status.Success)
            {
                error = "no DMA memory from sigma0 (slot 4): " + status.ToString();
                return false;
            }
            error = null;
            return true;
        }

        private static bool TryCreateController(bool ahci, in PciFunction function, DmaBuffer buffer, DmaBuffer table, out BlockController controller, out string error)
        {
            if (ahci)
            {
                return AhciController.TryCreate(function, AhciAbarSlot, AhciInterruptSlot, Sigma0Slot, buffer, out controller, out error);
            }
            if (function.BaseClass != 0x01 || function.SubClass != 0x01)
            {
                controller = null;
                error = "not an IDE controller (class " + (function.ClassCode >> 8).ToString("x4") + ")";
                return false;
            }
            // The PIIX's region table and buffers hold 32-bit physical addresses.
            if (buffer.Physical + (ulong)buffer.Bytes > 0x1_0000_0000UL || table.Physical + (ulong)table.Bytes > 0x1_0000_0000UL)
            {
                controller = null;
                error = "the DMA memory lies above 4 GiB";
                return false;
            }
            return IdeController.TryCreate(function, IdeCommandSlot, IdeControlSlot, IdeInterruptSlot, IdeBusMasterSlot, buffer, table, out controller, out error);
        }

        // A port, registered under the first free "diskN".
        private static bool TryRegister(out uint port, out string name, out string error)
        {
            port = 0;
            name = null;
            long created = Capabilities.CreatePort();
            if (created < 0)
            {
                error = "cannot create a port: " + Kernel.DescribeError(created);
                return false;
            }
            NameBrokerStatus status = NameBrokerStatus.AlreadyRegistered;
            for (int number = 0; number < MaximumDisks && status == NameBrokerStatus.AlreadyRegistered; number++)
            {
                name = DeviceNames.Disk + number.ToString();
                status = NameBroker.RegisterPort(name, (uint)created, RegisterSlot);
            }
            if (status != NameBrokerStatus.Ok)
            {
                error = "cannot register a disk name: " + NameBroker.Describe(status);
                return false;
            }
            port = (uint)created;
            error = null;
            return true;
        }

        private static string Capacity(ulong bytes)
        {
            const ulong Mebibyte = 1UL << 20;
            const ulong Gibibyte = 1UL << 30;
            if (bytes >= 10 * Gibibyte)
            {
                return (bytes / Gibibyte).ToString() + " GiB";
            }
            return (bytes / Mebibyte).ToString() + " MiB";
        }

        private static string ModeName(BlockTransferMode mode) => mode switch
        {
            BlockTransferMode.AtaPio => "IDE PIO",
            BlockTransferMode.AtaBusMasterDma => "IDE bus-master DMA",
            BlockTransferMode.Ahci => "AHCI",
            _ => "unknown mode",
        };
    }
}
