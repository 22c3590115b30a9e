using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Naming;
using Cosmos.Drivers.Keyboard.Controller;
using Internal.Runtime;

namespace Cosmos.Drivers.Keyboard
{
    /// <summary>
    /// The PS/2 keyboard driver's entry: "keyboard [trace]" with the capabilities of the run word
    /// "keyboard+register+io=0x60-0x60+io=0x64-0x64+irq=1" (slot 3 the register right, 4 the data port, 5 the status and
    /// command port, 6 IRQ 1). It sets the i8042 controller up (translation on: the decoder reads scancode set 1), binds
    /// IRQ 1 to a notification bound to its port, registers as "keyboard" and serves. With "trace" it prints every
    /// key's bytes ("keyboard: key 'a' -> 61"); with "readers" it also starts <see cref="BuiltInReaders"/>, two client
    /// threads that read the device as a program would.
    /// </summary>
    internal static class KeyboardDriverMain
    {
        private const uint RegisterSlot = GivenCapabilitySlots.First;
        private const uint DataPortSlot = GivenCapabilitySlots.First + 1;
        private const uint StatusPortSlot = GivenCapabilitySlots.First + 2;
        private const uint InterruptLineSlot = GivenCapabilitySlots.First + 3;

        /// <summary>How long the port may stay quiet before the driver looks at the controller itself (a lost interrupt).</summary>
        private const ulong PollInterval = 500_000_000;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            bool trace = false;
            bool readers = false;
            string[] arguments = ProgramStartup.Arguments;
            for (int i = 1; i < arguments.Length; i++)
            {
                trace |= arguments[i] == "trace";
                readers |= arguments[i] == "readers";
            }

            if (IoPorts.Enable(DataPortSlot) != SystemCallError.None || IoPorts.Enable(StatusPortSlot) != SystemCallError.None)
            {
                return Fail("cannot use ports 0x60 and 0x64 (slots 4 and 5 must be their IoPortRange capabilities)");
            }

            I8042Controller controller = new I8042Controller();
            string failure = controller.SetUp(out string warning);
            if (failure != null)
            {
                return Fail(failure);
            }

            if (warning != null)
            {
                Kernel.DebugWrite("keyboard: warning: " + warning + "\n");
            }

            long port = Interrupts.CreateServingPort(InterruptLineSlot, KeyboardDriver.InterruptBit);
            if (port < 0)
            {
                return Fail("cannot serve IRQ 1 on a port of its own (slot 6 must be its InterruptLine capability): " + Kernel.DescribeError(port));
            }

            if (!controller.EnableInterrupt())
            {
                return Fail("the controller does not take the configuration that enables IRQ 1");
            }

            KeyboardDriver driver = new KeyboardDriver(controller, InterruptLineSlot, trace);
            failure = Register((uint)port);
            if (failure != null)
            {
                return Fail(failure);
            }

            string scancodes = controller.Translation ? "translation on" : controller.KeyboardInSet1 ? "translation off, keyboard in set 1" : "translation off";
            Kernel.DebugWrite("keyboard: PS/2 controller ready (" + scancodes + "), registered as " +
                DeviceNames.Keyboard + (trace ? ", tracing keys" : "") + "\n");
            if (readers)
            {
                BuiltInReaders.Start();
            }

            return Serve((uint)port, driver);
        }

        // Serves forever; a quiet port (the receive timed out) is the moment to look for bytes whose interrupt was lost.
        private static int Serve(uint port, KeyboardDriver driver)
        {
            KeyboardRequestHandler handler = new KeyboardRequestHandler(driver);
            PortEndpoint endpoint = new PortEndpoint(port, PollInterval);
            driver.Poll();
            while (true)
            {
                IpcResult result = ServerLoop.Run(ref endpoint, ref handler);
                if (result.Error != SystemCallError.TimedOut)
                {
                    return Fail("its port failed: " + Kernel.DescribeError(result.Value));
                }

                driver.Poll();
            }
        }

        private static string Register(uint port)
        {
            NameBrokerStatus status = NameBroker.RegisterPort(DeviceNames.Keyboard, port, RegisterSlot);
            return status == NameBrokerStatus.Ok ? null : "the name broker refused \"" + DeviceNames.Keyboard + "\": " + NameBroker.Describe(status);
        }

        private static int Fail(string reason)
        {
            Kernel.DebugWrite("keyboard: error: " + reason + "\n");
            return 1;
        }
    }
}
