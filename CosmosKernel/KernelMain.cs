using System.Runtime;
using CosmosKernel.Console;

namespace CosmosKernel
{
    /// <summary>The C# entry point, called by the boot stub in long mode on the boot stack.</summary>
    internal static class KernelEntry
    {
        [RuntimeExport("KernelMain")]
        private static void KernelMain(ulong multibootInformationPhysical)
        {
            SerialPort.Initialize();
            SerialPort.Write("CosmosKernel 0.1.0 (x86-64 microkernel)\n");
            SerialPort.Write("kernel: ready\n");
        }
    }
}
