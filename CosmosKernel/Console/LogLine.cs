using CosmosKernel.Boot;
using CosmosKernel.Memory;

namespace CosmosKernel.Console
{
    /// <summary>
    /// A log line being written: each call appends to the serial port at once and returns the line again,
    /// so a line reads KernelLog.Info("memory").Text("free ").Decimal(mib).Text(" MiB").End(). Numbers are
    /// formatted digit by digit without allocating, so this works before the heap exists and in a panic.
    /// </summary>
    internal readonly struct LogLine
    {
        public LogLine Text(string text)
        {
            SerialPort.Write(text);
            return this;
        }

        public LogLine Character(char character)
        {
            SerialPort.WriteByte(character < 128 ? (byte)character : (byte)'?');
            return this;
        }

        /// <summary>Appends a boot-loader string (command line, module name) byte by byte.</summary>
        public LogLine Text(BootString text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                byte value = text[i];
                SerialPort.WriteByte(value >= 32 && value < 127 ? value : (byte)'?');
            }
            return this;
        }

        /// <summary>Appends <paramref name="length"/> ASCII bytes (a task name); anything unprintable becomes '?'.</summary>
        public unsafe LogLine Ascii(byte* text, int length)
        {
            for (int i = 0; i < length; i++)
            {
                byte value = text[i];
                SerialPort.WriteByte(value >= 32 && value < 127 ? value : (byte)'?');
            }
            return this;
        }

        /// <summary>"slot.version", the way thread and task ids are shown.</summary>
        public LogLine Identifier(int slot, uint version)
        {
            KernelLog.WriteDecimal((ulong)slot);
            SerialPort.WriteByte((byte)'.');
            KernelLog.WriteDecimal(version);
            return this;
        }

        public LogLine Decimal(ulong value)
        {
            KernelLog.WriteDecimal(value);
            return this;
        }

        public LogLine Decimal(long value)
        {
            if (value < 0)
            {
                SerialPort.WriteByte((byte)'-');
                KernelLog.WriteDecimal((ulong)(-(value + 1)) + 1);
            }
            else
            {
                KernelLog.WriteDecimal((ulong)value);
            }
            return this;
        }

        /// <summary>"0x" and lower-case hexadecimal digits, no leading zeros.</summary>
        public LogLine Hex(ulong value)
        {
            KernelLog.WriteHex(value, 1);
            return this;
        }

        /// <summary>"0x" and exactly 16 hexadecimal digits (addresses line up in reports).</summary>
        public LogLine Address(ulong value)
        {
            KernelLog.WriteHex(value, 16);
            return this;
        }

        public LogLine Address(PhysicalAddress address) => Address(address.Value);

        public LogLine Address(VirtualAddress address) => Address(address.Value);

        /// <summary>Ends the line.</summary>
        public void End()
        {
            SerialPort.Write("\n");
        }
    }
}
