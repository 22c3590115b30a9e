using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Drivers.Disk
{
    internal static class DiskDriverMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("disk: not written yet\n");
            return 1;
        }
    }
}
