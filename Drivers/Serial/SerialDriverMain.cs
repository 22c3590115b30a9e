using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;

namespace Cosmos.Drivers.Serial
{
    /// <summary>
    /// The 16550 serial driver (module "serial"): COM1 as a character device registered as "serial". Capabilities, as
    /// the boot manifest gives them (run=serial+register+io=0x3f8-0x3ff+irq=4): slot 3 the right to register, slot 4
    /// the UART's ports, slot 5 IRQ 4. One thread serves both requests and the interrupt: the interrupt's notification
    /// is bound to the request port, so a single receive returns either.
    /// </summary>
    internal static class SerialDriverMain
    {
        private const uint RegisterSlot = GivenCapabilitySlots.First;
        private const uint PortsSlot = GivenCapabilitySlots.First + 1;
        private const uint InterruptLineSlot = GivenCapabilitySlots.First + 2;
        private const ushort Com1 = 0x3F8;
        private const ulong InterruptBit = 1;
        // How long the loop waits for a request or an interrupt before it looks at the UART anyway.
        private const ulong IdleNanoseconds = 100_000_000;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            SystemCallError error = IoPorts.Enable(PortsSlot);
            if (error != SystemCallError.None)
            {
                return Fail("cannot use the COM1 ports (slot 4): " + Kernel.DescribeError((long)error));
            }
            Uart16550 uart = new Uart16550(Com1);
            if (!uart.IsPresent())
            {
                return Fail("no UART at COM1");
            }
            string chip = uart.EnableFifosAndInterruptOutput();

            long port = Interrupts.CreateServingPort(InterruptLineSlot, InterruptBit);
            if (port < 0)
            {
                return Fail("cannot serve IRQ 4 (slot 5) on a port of its own: " + Kernel.DescribeError(port));
            }

            SerialDevice device = new SerialDevice(uart, InterruptLineSlot);
            device.Start();

            string failure = Register((uint)port);
            if (failure != null)
            {
                return Fail(failure);
            }
            Kernel.DebugWrite("serial: COM1 " + chip + ", 115200 baud, registered as " + DeviceNames.Serial + "\n");

            SerialRequestHandler handler = new SerialRequestHandler(device);
            PortEndpoint endpoint = new PortEndpoint((uint)port, IdleNanoseconds);
            while (true)
            {
                IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
                if (result.Error != SystemCallError.TimedOut)
                {
                    return Fail("the receive loop stopped: " + Kernel.DescribeError(result.Value));
                }
                // Idle for a while: look at the UART in case an interrupt was lost, and wait again.
                device.Poll();
            }
        }

        private static string Register(uint port)
        {
            NameBrokerStatus status = NameBroker.RegisterPort(DeviceNames.Serial, port, RegisterSlot);
            return status == NameBrokerStatus.Ok ? null : "the name broker refused \"" + DeviceNames.Serial + "\": " + NameBroker.Describe(status);
        }

        private static int Fail(string reason)
        {
            Kernel.DebugWrite("serial: " + reason + "\n");
            return 1;
        }
    }
}
