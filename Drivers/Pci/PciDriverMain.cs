using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Drivers.Pci
{
    internal static class PciDriverMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("pci: not written yet\n");
            return 1;
        }
    }
}
