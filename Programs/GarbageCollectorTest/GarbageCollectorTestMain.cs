using System.Runtime;
using Internal.Runtime;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>
    /// Entry point of gctest, the ring-3 test of the garbage collector: the first argument picks the mode; every line
    /// printed starts with "gctest" and each mode ends with "gctest MODE: ok" or "gctest MODE: FAILED: reason"
    /// (tests/Cosmos.Integration.Tests/GarbageCollectorTests.cs reads them). "all" runs every test mode but bench.
    /// </summary>
    internal static class GarbageCollectorTestMain
    {
        private const string Modes = "descriptors garbage cycles deep stress [allocations] threads structs handles bench all";

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "all";
            switch (mode)
            {
                case "descriptors": return Descriptors.Run();
                case "garbage": return BoundedGarbage.Run();
                case "cycles": return Cycles.Run();
                case "deep": return DeepCallChains.Run();
                case "stress": return Stress.Run(Output.Number(arguments, 2, 1000000));
                case "threads": return ThreadStacks.Run();
                case "structs": return StructArrays.Run();
                case "handles": return Handles.Run();
                case "bench": return Benchmarks.Run();
                case "all":
                    int failures = Descriptors.Run() + Cycles.Run() + DeepCallChains.Run() + StructArrays.Run() + Handles.Run() + BoundedGarbage.Run()
                        + Stress.Run(Output.Number(arguments, 2, 1000000)) + ThreadStacks.Run();
                    Output.Line("all: " + failures.ToString() + " failed");
                    return failures == 0 ? 0 : 1;
                default:
                    Output.Line("unknown mode \"" + mode + "\" (modes: " + Modes + ")");
                    return 2;
            }
        }
    }
}
