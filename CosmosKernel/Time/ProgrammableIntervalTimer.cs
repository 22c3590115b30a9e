using CosmosKernel.Platform;

namespace CosmosKernel.Time
{
    /// <summary>
    /// The 8254 PIT, used once at boot as the reference clock (1.193182 MHz, fixed by the PC design) to
    /// measure the TSC and local APIC timer frequencies. Channel 2 is used because its gate and output are
    /// readable through port 0x61 without any interrupt.
    /// </summary>
    internal static class ProgrammableIntervalTimer
    {
        public const ulong FrequencyHz = 1193182;
        private const ushort Channel2Data = 0x42;
        private const ushort ModeCommand = 0x43;
        private const ushort SpeakerControl = 0x61;
        private const byte Channel2Gate = 0x01;
        private const byte SpeakerEnable = 0x02;
        private const byte Channel2Output = 0x20;
        private const byte Channel2OneShotBinary = 0xB0; // channel 2, low then high byte, mode 0, binary

        /// <summary>Starts a one-shot count of <paramref name="ticks"/> PIT ticks (at most 65535) on channel 2.</summary>
        public static void StartOneShot(ushort ticks)
        {
            byte control = Native.InByte(SpeakerControl);
            control = (byte)((control & ~SpeakerEnable) & ~Channel2Gate);
            Native.OutByte(SpeakerControl, control);
            Native.OutByte(ModeCommand, Channel2OneShotBinary);
            Native.OutByte(Channel2Data, (byte)(ticks & 0xFF));
            Native.OutByte(Channel2Data, (byte)(ticks >> 8));
            Native.OutByte(SpeakerControl, (byte)(control | Channel2Gate)); // a rising gate starts the count
        }

        /// <summary>True once the count started by <see cref="StartOneShot"/> has reached zero.</summary>
        public static bool HasExpired() => (Native.InByte(SpeakerControl) & Channel2Output) != 0;
    }
}
