using System.Runtime;
using Cosmos.Api;

namespace Cosmos.Servers.RootTask
{
    /// <summary>The root task's entry point.</summary>
    internal static class RootTaskMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            Kernel.DebugWrite("roottask: started\n");
            return 0;
        }
    }
}
