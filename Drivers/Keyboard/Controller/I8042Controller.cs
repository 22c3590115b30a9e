using Cosmos.Api;

namespace Cosmos.Drivers.Keyboard.Controller
{
    /// <summary>
    /// The i8042 PS/2 controller through its two ports (data 0x60, status and command 0x64), which the task must have
    /// enabled. Every wait for the controller or the keyboard is bounded by a timeout on the uptime clock, so a slow or
    /// absent controller gives an error, never a hang.
    /// </summary>
    internal sealed class I8042Controller
    {
        public const ushort DataPort = 0x60;
        public const ushort StatusCommandPort = 0x64;

        private const byte ReadConfigurationCommand = 0x20;
        private const byte WriteConfigurationCommand = 0x60;
        private const byte DisablePort2Command = 0xA7;
        private const byte DisablePort1Command = 0xAD;
        private const byte EnablePort1Command = 0xAE;
        private const byte KeyboardEnableScanning = 0xF4;
        private const byte KeyboardScancodeSet = 0xF0;
        private const byte ScancodeSet1 = 0x01;

        /// <summary>How long the controller may take to take or give one byte.</summary>
        private const ulong ControllerTimeout = 100_000_000;

        /// <summary>How long the keyboard may take to acknowledge a command.</summary>
        private const ulong KeyboardTimeout = 500_000_000;

        /// <summary>Bytes read at most when flushing: the output buffer is one byte, a keyboard holds a few more.</summary>
        private const int FlushLimit = 64;

        /// <summary>Whether the controller translates the keyboard's set 2 into set 1 (read back after the set-up wrote it).</summary>
        public bool Translation { get; private set; }

        /// <summary>Whether the keyboard was switched to set 1 itself, because the controller does not translate.</summary>
        public bool KeyboardInSet1 { get; private set; }

        /// <summary>The configuration byte written last.</summary>
        public byte Configuration { get; private set; }

        /// <summary>
        /// Sets the controller up with port 1's interrupt still off: both ports disabled, the output buffer flushed, the
        /// configuration adjusted (<see cref="ControllerConfiguration.DuringSetUp"/>) and read back, port 1 enabled, the
        /// keyboard switched to scancode set 1 if the controller does not translate, and told to scan. Returns null, or what failed. A keyboard that does not acknowledge is reported in
        /// <paramref name="warning"/> but is no failure (it may be plugged in later, or answer late).
        /// </summary>
        public string SetUp(out string warning)
        {
            warning = null;
            byte status = PortIo.InByte(StatusCommandPort);
            if (status == 0xFF)
            {
                return "no PS/2 controller (status port reads 0xff)";
            }

            if (!WriteCommand(DisablePort1Command) || !WriteCommand(DisablePort2Command))
            {
                return "the controller does not take commands (input buffer stays full)";
            }

            Flush();
            if (!WriteCommand(ReadConfigurationCommand) || !ReadByte(ControllerTimeout, out byte current))
            {
                return "the controller does not report its configuration";
            }

            if (!WriteConfiguration(ControllerConfiguration.DuringSetUp(current)))
            {
                return "the controller does not take its configuration";
            }

            // Some controllers cannot translate; then the keyboard itself is asked for set 1 below.
            if (!WriteCommand(ReadConfigurationCommand) || !ReadByte(ControllerTimeout, out byte readBack))
            {
                return "the controller does not report its configuration after the change";
            }

            Translation = ControllerConfiguration.Translates(readBack);

            if (!WriteCommand(EnablePort1Command))
            {
                return "the controller does not enable port 1";
            }

            Flush();
            if (!Translation)
            {
                KeyboardInSet1 = SendToKeyboard(KeyboardScancodeSet) && SendToKeyboard(ScancodeSet1);
                if (!KeyboardInSet1)
                {
                    warning = "the controller does not translate and the keyboard refused scancode set 1: keys will be misread";
                }
            }

            if (!SendToKeyboard(KeyboardEnableScanning))
            {
                warning = (warning == null ? "" : warning + "; ") + "the keyboard did not acknowledge 'enable scanning' (0xf4)";
            }

            return null;
        }

        /// <summary>Turns port 1's interrupt on (after the driver bound IRQ 1). Returns false when the controller does not take it.</summary>
        public bool EnableInterrupt() => WriteConfiguration(ControllerConfiguration.Running(Configuration));

        /// <summary>The status register.</summary>
        public byte Status => PortIo.InByte(StatusCommandPort);

        /// <summary>Reads the data port (only meaningful when <see cref="ControllerStatus.OutputFull"/> is set).</summary>
        public byte ReadData() => PortIo.InByte(DataPort);

        /// <summary>Writes a byte to the keyboard without waiting for its answer; false when the controller's input buffer stays full.</summary>
        public bool WriteToKeyboard(byte value)
        {
            if (!WaitForInputEmpty())
            {
                return false;
            }

            PortIo.OutByte(DataPort, value);
            return true;
        }

        /// <summary>Reads and throws away what waits in the output buffer; returns how many bytes.</summary>
        public int Flush()
        {
            int count = 0;
            while (count < FlushLimit && (PortIo.InByte(StatusCommandPort) & ControllerStatus.OutputFull) != 0)
            {
                PortIo.InByte(DataPort);
                count++;
            }

            return count;
        }

        private bool WriteConfiguration(byte configuration)
        {
            if (!WriteCommand(WriteConfigurationCommand) || !WaitForInputEmpty())
            {
                return false;
            }

            PortIo.OutByte(DataPort, configuration);
            Configuration = configuration;
            return true;
        }

        // Sends a command to the keyboard (polled) and waits for its acknowledgement; repeats it on a resend request.
        private bool SendToKeyboard(byte command)
        {
            for (int attempt = 0; attempt < LedCommandSequence.MaximumResends; attempt++)
            {
                if (!WriteToKeyboard(command))
                {
                    return false;
                }

                ulong deadline = Kernel.Uptime() + KeyboardTimeout;
                while (ReadByte(Remaining(deadline), out byte answer))
                {
                    if (answer == LedCommandSequence.Acknowledge)
                    {
                        return true;
                    }

                    if (answer == LedCommandSequence.Resend)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        private static ulong Remaining(ulong deadline)
        {
            ulong now = Kernel.Uptime();
            return deadline > now ? deadline - now : 0;
        }

        private bool WriteCommand(byte command)
        {
            if (!WaitForInputEmpty())
            {
                return false;
            }

            PortIo.OutByte(StatusCommandPort, command);
            return true;
        }

        private bool WaitForInputEmpty()
        {
            ulong start = Kernel.Uptime();
            while ((PortIo.InByte(StatusCommandPort) & ControllerStatus.InputFull) != 0)
            {
                if (Kernel.Uptime() - start > ControllerTimeout)
                {
                    return false;
                }
            }

            return true;
        }

        // Waits up to timeout nanoseconds for a byte in the output buffer and reads it.
        private bool ReadByte(ulong timeout, out byte value)
        {
            ulong start = Kernel.Uptime();
            while ((PortIo.InByte(StatusCommandPort) & ControllerStatus.OutputFull) == 0)
            {
                if (Kernel.Uptime() - start > timeout)
                {
                    value = 0;
                    return false;
                }
            }

            value = PortIo.InByte(DataPort);
            return true;
        }
    }
}
