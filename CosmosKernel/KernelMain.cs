using System.Runtime;
using CosmosKernel.Console;

namespace CosmosKernel
{
    /// <summary>The C# entry point, called by the boot stub in long mode on the boot stack.</summary>
    internal static class KernelEntry
    {
        [RuntimeExport("KernelMain")]
        private static unsafe void KernelMain(ulong multibootInformationPhysical)
        {
            SerialPort.Initialize();
            SerialPort.Write("CosmosKernel 0.1.0 (x86-64 microkernel)\n");
            byte* info = (byte*)multibootInformationPhysical;
            uint total = *(uint*)info;
            for (uint offset = 8; offset < total;)
            {
                uint tagType = *(uint*)(info + offset);
                uint tagSize = *(uint*)(info + offset + 4);
                if (tagType == 0) break;
                if (tagType == 1)
                {
                    SerialPort.Write("cmdline: [");
                    for (byte* c = info + offset + 8; *c != 0; c++) SerialPort.WriteByte(*c);
                    SerialPort.Write("]\n");
                }
                offset += (tagSize + 7) & ~7u;
            }
            SerialPort.Write("kernel: ready\n");
        }
    }
}
