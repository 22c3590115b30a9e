using System.Runtime;
using Internal.Runtime;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// Entry point of ipctest: the first argument picks the mode (rights, timeouts, transfer, notify, calls, pool, gone,
    /// exceptions, all, bench). Every line starts with "ipctest" (bench lines with "bench"); each mode ends with its verdict
    /// "ipctest MODE: ok" or "ipctest MODE: FAILED: ...", which tests/Cosmos.Integration.Tests/IpcContract.cs reads.
    /// </summary>
    internal static class IpcTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "all";
            string layout = PeerTask.CheckUtcbOffsets();
            if (layout != null)
            {
                Output.Line(mode + ": FAILED: " + layout);
                return 1;
            }
            switch (mode)
            {
                case "rights": return RightsViolations.Run();
                case "timeouts": return Timeouts.Run();
                case "transfer": return CapabilityTransfers.Run();
                case "notify": return NotificationScenarios.Run();
                case "calls": return PayloadCalls.Run(arguments);
                case "pool": return ServerPool.Run(arguments);
                case "gone": return PartnerGone.Run();
                case "exceptions": return ExceptionPortScenarios.Run();
                case "bench": return IpcBenchmarks.Run(arguments);
                case "all":
                    int status = RightsViolations.Run();
                    status |= Timeouts.Run();
                    status |= CapabilityTransfers.Run();
                    status |= NotificationScenarios.Run();
                    status |= PayloadCalls.Run(arguments);
                    status |= ServerPool.Run(arguments);
                    status |= PartnerGone.Run();
                    status |= ExceptionPortScenarios.Run();
                    return status;
                default:
                    Output.Line("unknown mode \"" + mode + "\" (modes: rights timeouts transfer notify calls pool gone exceptions all bench)");
                    return 2;
            }
        }
    }
}
