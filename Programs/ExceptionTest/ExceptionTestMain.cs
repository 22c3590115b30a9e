using System.Runtime;
using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>
    /// Entry point of ehtest: the first argument picks the mode; every line printed starts with "ehtest". A test
    /// mode prints "ehtest: NAME ok" or "ehtest: NAME FAILED: why" and exits 0 or 1; "all" runs every caught-exception
    /// test; "unhandled", "badmessage" and "fault" end with the runtime's and the kernel's reports; "bench" prints throw_catch.
    /// </summary>
    internal static class ExceptionTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "all";
            switch (mode)
            {
                case "all":
                    return Scenarios.RunAll();
                case "unhandled":
                    return Unhandled.Run();
                case "badmessage":
                    return Unhandled.RunWithThrowingMessage();
                case "fault":
                    return HardwareFaults.UnconvertedFault();
                case "bench":
                    return ThrowCatchBenchmark.Run();
                default:
                    int result = Scenarios.RunOne(mode);
                    if (result >= 0)
                    {
                        return result;
                    }
                    Output.Line("ehtest: unknown mode \"" + mode + "\"");
                    return 2;
            }
        }
    }

    internal static class Output
    {
        public static void Line(string text)
        {
            Kernel.DebugWrite(text + "\n");
        }
    }
}
