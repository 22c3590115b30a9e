using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Devices;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using Cosmos.Api.Naming;
using Cosmos.Drivers.Console.Screen;

namespace Cosmos.Drivers.Console
{
    /// <summary>
    /// The console driver: owns the screen and serves it as the write-only character device "console"
    /// (<see cref="CharacterDeviceProtocol"/>). It draws on the boot loader's linear framebuffer when the kernel reports a
    /// direct-colour one and slot 6 holds a device right for it, and in VGA text mode (80x25 at 0xB8000) otherwise.
    /// Capabilities (boot manifest): slot 3 register right, slot 4 device right for the VGA text memory, slot 5 the CRTC
    /// ports 0x3D4-0x3D5, slot 6 (optional) device right for the framebuffer. One thread, one request at a time.
    /// </summary>
    internal static unsafe class ConsoleDriverMain
    {
        private const uint RegisterSlot = GivenCapabilitySlots.First;
        private const uint TextMemorySlot = RegisterSlot + 1;
        private const uint CrtcPortsSlot = RegisterSlot + 2;
        private const uint FramebufferSlot = RegisterSlot + 3;

        /// <summary>Where the VGA text memory is mapped (32 KiB aligned, in the user half away from heap and stack).</summary>
        private const ulong TextMemoryWindow = 0x0000500000000000;

        private const byte DirectRgbFramebuffer = 1;

        [RuntimeExport("ProgramMain")]
        private static int Main()
        {
            CellCanvas canvas = null;
            int columns = 0;
            int rows = 0;
            string description = null;
            bool onFramebuffer = false;
            KernelInformation* information = Kernel.Information;
            if (information->FramebufferType == DirectRgbFramebuffer)
            {
                FramebufferPainter painter = TryFramebuffer(information);
                if (painter != null)
                {
                    canvas = painter;
                    onFramebuffer = true;
                    columns = painter.Columns;
                    rows = painter.Rows;
                    description = "framebuffer " + information->FramebufferWidth.ToString() + "x" + information->FramebufferHeight.ToString()
                        + "x" + information->FramebufferBitsPerPixel.ToString() + " at 0x" + information->FramebufferPhysical.ToString("x")
                        + ", " + columns.ToString() + "x" + rows.ToString() + " text";
                }
            }
            if (canvas == null)
            {
                canvas = TryVgaText();
                if (canvas == null)
                {
                    return 1;
                }
                columns = VgaTextCanvas.Columns;
                rows = VgaTextCanvas.Rows;
                description = "VGA text " + columns.ToString() + "x" + rows.ToString();
            }

            TextScreen screen = new TextScreen(columns, rows);
            TerminalInterpreter interpreter = new TerminalInterpreter(screen);
            ScreenPresenter presenter = new ScreenPresenter(screen, canvas);
            interpreter.Write(ConsoleBanner.Bytes(columns, rows, onFramebuffer));
            presenter.Present();

            long port = Capabilities.CreatePort();
            if (port < 0)
            {
                Kernel.DebugWrite("console: cannot create a port: " + Kernel.DescribeError(port) + "\n");
                return 1;
            }
            NameBrokerStatus registered = NameBroker.RegisterPort(DeviceNames.Console, (uint)port, RegisterSlot);
            if (registered != NameBrokerStatus.Ok)
            {
                Kernel.DebugWrite("console: " + description + ", cannot register as " + DeviceNames.Console + ": status " + ((uint)registered).ToString() + "\n");
                return 1;
            }
            Kernel.DebugWrite("console: " + description + ", registered as " + DeviceNames.Console + "\n");

            ConsoleRequests requests = new ConsoleRequests(interpreter, presenter, onFramebuffer);
            IpcResult result = PortEndpoint.Serve((uint)port, ref requests);
            Kernel.DebugWrite("console: stopped serving: " + Kernel.DescribeError(result.Value) + "\n");
            return 1;
        }

        // The framebuffer painter, or null (said why) when the framebuffer cannot be used: no device right in slot 6, a
        // depth the painter does not draw, or sigma0 refusing the mapping.
        private static FramebufferPainter TryFramebuffer(KernelInformation* information)
        {
            string what = "the framebuffer " + information->FramebufferWidth.ToString() + "x" + information->FramebufferHeight.ToString()
                + "x" + information->FramebufferBitsPerPixel.ToString() + " at 0x" + information->FramebufferPhysical.ToString("x");
            if (Capabilities.Information(FramebufferSlot, out CapabilityInformation right) != SystemCallError.None || right.Kind != CapabilityKind.Port)
            {
                Kernel.DebugWrite("console: no device right for " + what + " in slot " + FramebufferSlot.ToString() + "; VGA text instead\n");
                return null;
            }
            if (!PixelFormat.TryFromFields(
                    information->FramebufferBitsPerPixel,
                    information->FramebufferRedPosition, information->FramebufferRedSize,
                    information->FramebufferGreenPosition, information->FramebufferGreenSize,
                    information->FramebufferBluePosition, information->FramebufferBlueSize,
                    out PixelFormat format)
                && !PixelFormat.TryForDepth(information->FramebufferBitsPerPixel, out format))
            {
                Kernel.DebugWrite("console: cannot draw on " + what + " (depth not supported); VGA text instead\n");
                return null;
            }
            ulong length = (ulong)information->FramebufferPitch * information->FramebufferHeight;
            if (!FramebufferMapping.TryMap(FramebufferSlot, information->FramebufferPhysical, length, out byte* pixels, out Sigma0Status status))
            {
                Kernel.DebugWrite("console: cannot map " + what + ": sigma0 status " + ((uint)status).ToString() + "; VGA text instead\n");
                return null;
            }
            FramebufferPainter painter = new FramebufferPainter(
                pixels, (int)information->FramebufferPitch, (int)information->FramebufferWidth, (int)information->FramebufferHeight, format);
            painter.Fill(TextScreen.DefaultBackground);
            return painter;
        }

        // The VGA text back end, or null (said why) when the text memory or the CRTC ports cannot be had.
        private static VgaTextCanvas TryVgaText()
        {
            Sigma0Status status = Sigma0Client.MapDevice(TextMemorySlot, VgaTextCanvas.TextMemoryPhysical, VgaTextCanvas.TextMemorySizeLog2, TextMemoryWindow);
            if (status != Sigma0Status.Success)
            {
                Kernel.DebugWrite("console: cannot map the VGA text memory: sigma0 status " + ((uint)status).ToString() + "\n");
                return null;
            }
            SystemCallError ports = IoPorts.Enable(CrtcPortsSlot);
            if (ports != SystemCallError.None)
            {
                Kernel.DebugWrite("console: cannot use the CRTC ports: " + Kernel.DescribeError((long)ports) + "\n");
                return null;
            }
            return new VgaTextCanvas((ushort*)TextMemoryWindow);
        }
    }
}
