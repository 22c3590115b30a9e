using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Programs.DiskTest
{
    internal static class DiskTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("disktest: not written yet\n");
            return 1;
        }
    }
}
