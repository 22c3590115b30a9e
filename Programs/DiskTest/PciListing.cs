using Cosmos.Api.Devices;
using Cosmos.Api.Naming;
using Cosmos.Drivers.Pci;

namespace Cosmos.Programs.DiskTest
{
    /// <summary>
    /// "lspci": every function the PCI driver reports, one line each in lspci -n style with the interrupt and the
    /// implemented BARs: "disktest lspci: 00:01.1 0101: 8086:7010 irq=255 pin=0 bar4=io:c040/16".
    /// </summary>
    internal static class PciListing
    {
        public static string Run()
        {
            PciClient pci = new PciClient();
            NameBrokerStatus connected = pci.Connection.Connect(DiskTestMain.DriverWaitNanoseconds);
            if (connected != NameBrokerStatus.Ok)
            {
                return "no pci: " + NameBroker.Describe(connected);
            }
            PciStatus status = pci.Count(out int count);
            if (status != PciStatus.Ok)
            {
                return "count: " + ((uint)status).ToString();
            }
            for (int index = 0; index < count; index++)
            {
                status = pci.Function(index, out PciFunction function);
                if (status != PciStatus.Ok)
                {
                    return "function " + index.ToString() + ": " + ((uint)status).ToString();
                }
                string line = LspciLine.FormatNumbers(function) + " irq=" + function.InterruptLine.ToString() + " pin=" + function.InterruptPin.ToString();
                for (int bar = 0; bar < PciFunctionWords.BarCount; bar++)
                {
                    PciBar register = function.Bar(bar);
                    if (register.IsImplemented)
                    {
                        line += " bar" + bar.ToString() + "=" + (register.IsIo ? "io:" : "mem:") + register.Base.ToString("x") + "/" + register.Size.ToString();
                    }
                }
                Output.Line("lspci: " + line);
            }
            status = pci.FindClass(0x01, 0x01, 0, out int ide, out _);
            Output.Line("lspci: count=" + count.ToString() + " first_ide=" + (status == PciStatus.Ok ? ide.ToString() : "none"));
            return null;
        }
    }
}
