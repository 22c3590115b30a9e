using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Servers.Shell
{
    internal static class ShellMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("shell: not written yet\n");
            return 1;
        }
    }
}
