using Cosmos.Api;

namespace Cosmos.Drivers.Serial
{
    /// <summary>
    /// The registers of a 16550 UART at an I/O base (COM1: 0x3F8) and the few operations the driver needs. The line
    /// settings (baud divisor, 8N1) stay as the kernel programmed them, because the kernel keeps writing its log to the
    /// same UART by polling; the driver only turns on the FIFOs, the interrupt output and the interrupts it wants.
    /// </summary>
    internal readonly struct Uart16550
    {
        // Register offsets from the base (divisor latch access bit clear).
        private const ushort DataOffset = 0;
        private const ushort InterruptEnableOffset = 1;
        private const ushort InterruptIdentificationOffset = 2; // read
        private const ushort FifoControlOffset = 2;             // write
        private const ushort ModemControlOffset = 4;
        private const ushort LineStatusOffset = 5;
        private const ushort ModemStatusOffset = 6;
        private const ushort ScratchOffset = 7;

        /// <summary>Interrupt enable: received data available (and the receive timeout).</summary>
        public const byte ReceiveInterrupt = 0x01;
        /// <summary>Interrupt enable: transmit holding register empty.</summary>
        public const byte TransmitInterrupt = 0x02;
        /// <summary>Interrupt enable: receiver line status (errors, break).</summary>
        public const byte LineStatusInterrupt = 0x04;

        /// <summary>Line status: a received byte is waiting.</summary>
        public const byte DataReady = 0x01;
        /// <summary>Line status: the transmit FIFO (or holding register) is empty.</summary>
        public const byte TransmitEmpty = 0x20;

        /// <summary>Interrupt identification bit 0: no interrupt pending.</summary>
        public const byte NoInterruptPending = 0x01;

        // FIFO control: enable, clear both FIFOs, receive trigger at 14 bytes (what the kernel set up as well).
        private const byte FifoSetting = 0xC7;
        // Modem control: DTR, RTS and OUT2 (OUT2 connects the UART's interrupt output to the PIC on a PC).
        private const byte ModemSetting = 0x0B;

        /// <summary>Bytes of a 16550A's transmit FIFO.</summary>
        public const int TransmitFifoBytes = 16;

        private readonly ushort _base;

        public Uart16550(ushort basePort)
        {
            _base = basePort;
        }

        public ushort BasePort => _base;

        /// <summary>Whether a UART answers at the base: the scratch register keeps what is written to it.</summary>
        public bool IsPresent()
        {
            ushort scratch = (ushort)(_base + ScratchOffset);
            byte saved = PortIo.InByte(scratch);
            PortIo.OutByte(scratch, 0x5A);
            bool first = PortIo.InByte(scratch) == 0x5A;
            PortIo.OutByte(scratch, 0xA5);
            bool second = PortIo.InByte(scratch) == 0xA5;
            PortIo.OutByte(scratch, saved);
            return first && second;
        }

        /// <summary>
        /// Turns the FIFOs on and the interrupt output on, with every interrupt still disabled; returns the chip's name
        /// from the FIFO bits of the interrupt identification register ("16550A" when both FIFO-enabled bits are set).
        /// </summary>
        public string EnableFifosAndInterruptOutput()
        {
            PortIo.OutByte((ushort)(_base + InterruptEnableOffset), 0);
            PortIo.OutByte((ushort)(_base + FifoControlOffset), FifoSetting);
            PortIo.OutByte((ushort)(_base + ModemControlOffset), ModemSetting);
            int fifoBits = PortIo.InByte((ushort)(_base + InterruptIdentificationOffset)) >> 6;
            return fifoBits == 3 ? "16550A" : fifoBits == 2 ? "16550 (FIFO broken)" : "16450";
        }

        public void SetInterruptEnable(byte bits) => PortIo.OutByte((ushort)(_base + InterruptEnableOffset), bits);

        public byte InterruptIdentification() => PortIo.InByte((ushort)(_base + InterruptIdentificationOffset));

        public byte LineStatus() => PortIo.InByte((ushort)(_base + LineStatusOffset));

        public byte ModemStatus() => PortIo.InByte((ushort)(_base + ModemStatusOffset));

        public byte ReadData() => PortIo.InByte((ushort)(_base + DataOffset));

        public void WriteData(byte value) => PortIo.OutByte((ushort)(_base + DataOffset), value);
    }
}
