namespace Cosmos.Drivers.Keyboard.Controller
{
    /// <summary>
    /// The i8042 controller's configuration byte (read with command 0x20, written with 0x60) and the value this driver
    /// wants: port 1 (the keyboard) clocked, interrupting on IRQ 1 and translating the keyboard's scancode set 2 into set 1
    /// (which <see cref="Scancodes.ScancodeSet1Decoder"/> reads); port 2 (a mouse) clocked off and silent. Pure logic:
    /// host-tested.
    /// </summary>
    public static class ControllerConfiguration
    {
        public const byte Port1Interrupt = 0x01;
        public const byte Port2Interrupt = 0x02;
        /// <summary>Set by the firmware when the power-on self test passed; kept as it is.</summary>
        public const byte SystemFlag = 0x04;
        public const byte Port1ClockDisabled = 0x10;
        public const byte Port2ClockDisabled = 0x20;
        public const byte Port1Translation = 0x40;
        /// <summary>Must be zero.</summary>
        public const byte Reserved = 0x80;

        /// <summary>The byte for the set-up phase: both ports' interrupts off (answers are polled), port 2 off, translation on.</summary>
        public static byte DuringSetUp(byte current) =>
            (byte)((current | Port2ClockDisabled | Port1Translation) & ~(Port1Interrupt | Port2Interrupt | Port1ClockDisabled | Reserved));

        /// <summary>The byte for running: as <see cref="DuringSetUp"/>, with port 1's interrupt on.</summary>
        public static byte Running(byte current) => (byte)(DuringSetUp(current) | Port1Interrupt);

        /// <summary>Whether the controller translates port 1's codes to set 1.</summary>
        public static bool Translates(byte configuration) => (configuration & Port1Translation) != 0;
    }
}
