using System.Runtime;
using Cosmos.Api;
using Internal.Runtime;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// Entry point of systest: the first argument picks the mode. Every mode prints lines that start with the
    /// mode's name, so tests can read them from the serial log (tests/Cosmos.Integration.Tests/ProgramContract.cs).
    /// </summary>
    internal static class SystemTestMain
    {
        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            string[] arguments = ProgramStartup.Arguments;
            string mode = arguments.Length > 1 ? arguments[1] : "hello";
            switch (mode)
            {
                case "hello": return Listing.Hello();
                case "spin": return Preemption.Spin(arguments);
                case "divide": return Faults.Divide();
                case "readkernel": return Faults.ReadKernelMemory();
                case "invalid": return Faults.InvalidOpcode();
                case "privileged": return Faults.PrivilegedInstruction();
                case "badpointer": return BadPointers.Run();
                case "threads": return ThreadChurn.Run(arguments);
                case "sleep": return SleepAccuracy.Run();
                case "bench": return Benchmarks.Run();
                case "kernelheap": return KernelHeapSteadiness.Run(arguments);
                case "suspend": return Suspension.Run();
                case "faulthandler": return FaultHandlerDelivery.Run();
                case "ipcsmoke": return IpcSmoke.Run();
                case "exceptionport": return ExceptionPortDelivery.Run();
                case "taskcreation": return TaskCreationRight.Run();
                case "broker": return NameBrokerScenarios.Run(arguments);
                case "given": return GivenCapabilities.Run();
                case "irq": return InterruptDelivery.Run(arguments);
                case "ioport": return IoPortDenial.Run(arguments);
                default:
                    Output.Line("systest: unknown mode \"" + mode + "\" (modes: hello spin divide readkernel invalid privileged badpointer threads sleep bench kernelheap suspend faulthandler ipcsmoke exceptionport broker given irq ioport)");
                    return 2;
            }
        }
    }

    /// <summary>Line output on the debug console.</summary>
    internal static class Output
    {
        public static void Line(string text)
        {
            Kernel.DebugWrite(text + "\n");
        }

        /// <summary>Parses a decimal argument, or returns <paramref name="fallback"/>.</summary>
        public static int Number(string[] arguments, int index, int fallback)
        {
            return arguments.Length > index && int.TryParse(arguments[index], out int value) ? value : fallback;
        }
    }
}
