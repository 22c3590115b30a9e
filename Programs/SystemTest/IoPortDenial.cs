using Cosmos.Api;
using Cosmos.Api.Ipc;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "ioport [PORT] [DELAY_MS]": an in on a port the task has not enabled must raise #GP and end this task only.
    /// Started as "run=systest:ioport+io=0x40-0x43" it enables the range given in slot GivenCapabilitySlots.First and
    /// reads port 0x40 (allowed) first; without a range it enables nothing. After sleeping DELAY_MS (default 0) it reads
    /// PORT (decimal, default 96 = 0x60). Lines "ioport: FAILED, …" follow if the read worked.
    /// </summary>
    internal static class IoPortDenial
    {
        private const uint PortsSlot = GivenCapabilitySlots.First;
        private const ushort AllowedPort = 0x40;
        private const int DefaultDeniedPort = 0x60;

        public static int Run(string[] arguments)
        {
            int port = Output.Number(arguments, 2, DefaultDeniedPort);
            int delayMilliseconds = Output.Number(arguments, 3, 0);
            if (port < 0 || port > 0xFFFF || delayMilliseconds < 0)
            {
                Output.Line("ioport: usage: ioport [PORT 0-65535] [DELAY_MS]");
                return 2;
            }
            SystemCallError enabled = IoPorts.Enable(PortsSlot);
            if (enabled == SystemCallError.None)
            {
                byte allowed = PortIo.InByte(AllowedPort);
                Output.Line("ioport: read port 0x40 (allowed): 0x" + allowed.ToString("x2"));
            }
            else
            {
                Output.Line("ioport: no port range enabled (" + ((long)enabled).ToString() + ")");
            }
            // Another task's ranges may be open meanwhile: the bitmap must follow whichever task runs.
            Kernel.Sleep((ulong)delayMilliseconds * 1000000);
            Output.Line("ioport: reading port 0x" + port.ToString("x") + " (not enabled)");
            byte value = PortIo.InByte((ushort)port);
            Output.Line("ioport: FAILED, still running (read 0x" + value.ToString("x2") + ")");
            return 1;
        }
    }
}
