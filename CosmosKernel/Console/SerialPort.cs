using CosmosKernel.Platform;

namespace CosmosKernel.Console
{
    /// <summary>
    /// The kernel's own polled COM1 output (16550 UART at 0x3F8), used for the boot log and panics.
    /// Ring-3 drivers own the UART once they are running; the kernel keeps only this transmit path.
    /// </summary>
    internal static class SerialPort
    {
        private const ushort Com1 = 0x3F8;
        private const ushort Data = Com1 + 0;
        private const ushort InterruptEnable = Com1 + 1;
        private const ushort FifoControl = Com1 + 2;
        private const ushort LineControl = Com1 + 3;
        private const ushort ModemControl = Com1 + 4;
        private const ushort LineStatus = Com1 + 5;
        private const byte TransmitHoldingEmpty = 0x20;

        /// <summary>115200 baud, 8 data bits, no parity, one stop bit, FIFOs on.</summary>
        public static void Initialize()
        {
            Native.OutByte(InterruptEnable, 0x00);
            Native.OutByte(LineControl, 0x80);     // divisor latch access
            Native.OutByte(Data, 0x01);            // divisor 1 -> 115200 baud
            Native.OutByte(InterruptEnable, 0x00);
            Native.OutByte(LineControl, 0x03);     // 8N1, divisor latch off
            Native.OutByte(FifoControl, 0xC7);     // enable and clear FIFOs, 14-byte threshold
            Native.OutByte(ModemControl, 0x03);    // DTR, RTS
        }

        public static void WriteByte(byte value)
        {
            // The serial driver shares the UART (its interrupt-driven writes fill the FIFO): a write before the FIFO has
            // drained would push out the oldest byte queued, so wait long — a slow terminal under QEMU takes a while
            // — and give up only on a UART that never drains.
            int spins = 0;
            while ((Native.InByte(LineStatus) & TransmitHoldingEmpty) == 0 && spins < 5_000_000)
            {
                spins++;
            }
            Native.OutByte(Data, value);
        }

        public static void Write(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char character = text[i];
                if (character == '\n')
                {
                    WriteByte((byte)'\r');
                }
                WriteByte(character < 128 ? (byte)character : (byte)'?');
            }
        }
    }
}
