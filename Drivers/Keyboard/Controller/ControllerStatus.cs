namespace Cosmos.Drivers.Keyboard.Controller
{
    /// <summary>The bits of the i8042 controller's status register (port 0x64, read).</summary>
    public static class ControllerStatus
    {
        /// <summary>A byte waits in the output buffer (port 0x60).</summary>
        public const byte OutputFull = 0x01;
        /// <summary>The controller has not taken the last byte written to port 0x60 or 0x64 yet.</summary>
        public const byte InputFull = 0x02;
        /// <summary>The byte in the output buffer came from port 2 (the mouse).</summary>
        public const byte FromPort2 = 0x20;
        /// <summary>The device did not answer in time.</summary>
        public const byte TimeoutError = 0x40;
        /// <summary>The byte arrived with a parity error.</summary>
        public const byte ParityError = 0x80;
    }
}
