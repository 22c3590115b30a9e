using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Drivers.Keyboard
{
    internal static class KeyboardDriverMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("keyboard: not written yet\n");
            return 1;
        }
    }
}
