using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Drivers.Pci
{
    /// <summary>
    /// The PCI bus driver ("pci"): slot 3 the register right, slot 4 the IoPortRange 0xCF8-0xCFF. Enumerates every bus,
    /// device and function once through configuration mechanism #1, sizes the BARs, registers "pci" and answers
    /// <see cref="PciProtocol"/> requests on one thread.
    /// </summary>
    internal static class PciDriverMain
    {
        private const uint RegisterSlot = GivenCapabilitySlots.First;
        private const uint PortsSlot = GivenCapabilitySlots.First + 1;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            SystemCallError enabled = IoPorts.Enable(PortsSlot);
            if (enabled != SystemCallError.None)
            {
                Kernel.DebugWrite("pci: cannot use ports 0xcf8-0xcff (slot 4): " + Kernel.DescribeError((long)enabled) + "\n");
                return 1;
            }
            PciFunctionTable.Build();
            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                Kernel.DebugWrite("pci: cannot create a port: " + Kernel.DescribeError(port) + "\n");
                return 1;
            }
            NameBrokerStatus status = NameBroker.RegisterPort(DeviceNames.Pci, (uint)port, RegisterSlot);
            int buses = PciFunctionTable.BusCount();
            string where = buses == 1 ? " on bus " + PciFunctionTable.Headers[0].Address.Bus.ToString() : " on " + buses.ToString() + " buses";
            if (status != NameBrokerStatus.Ok)
            {
                Kernel.DebugWrite("pci: " + PciFunctionTable.Count.ToString() + " functions" + where + ", cannot register as pci: " + NameBroker.Describe(status) + "\n");
                return 1;
            }
            Kernel.DebugWrite("pci: " + PciFunctionTable.Count.ToString() + " functions" + where + ", registered as " + DeviceNames.Pci + "\n");
            PciRequestHandler handler = default;
            while (true)
            {
                IpcResult result = PortEndpoint.Serve((uint)port, ref handler);
                // A caller that went away before its answer costs nothing; a port that is gone ends the driver.
                if (result.Error != SystemCallError.PartnerGone && result.Error != SystemCallError.TransferFailed)
                {
                    Kernel.DebugWrite("pci: receive failed: " + Kernel.DescribeError(result.Value) + "\n");
                    return 1;
                }
            }
        }
    }
}
