using System.Runtime;
using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>Entry point of ehtest: the first argument picks the mode; every line printed starts with "ehtest".</summary>
    internal static class ExceptionTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "all";
            Kernel.DebugWrite("ehtest: unknown mode \"" + mode + "\"\n");
            return 2;
        }
    }
}
