using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Drivers.Serial
{
    internal static class SerialDriverMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("serial: not written yet\n");
            return 1;
        }
    }
}
