using System.Runtime;
using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>Entry point of gctest: the first argument picks the mode; every line printed starts with "gctest".</summary>
    internal static class GarbageCollectorTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "all";
            Kernel.DebugWrite("gctest: unknown mode \"" + mode + "\"\n");
            return 2;
        }
    }
}
