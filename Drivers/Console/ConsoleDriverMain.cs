using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Drivers.Console
{
    internal static class ConsoleDriverMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("console: not written yet\n");
            return 1;
        }
    }
}
