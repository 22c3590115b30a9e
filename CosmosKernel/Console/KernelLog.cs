namespace CosmosKernel.Console
{
    /// <summary>
    /// The kernel's log: lines on the serial port of the form "subsystem: message",
    /// "subsystem: warning: message" or "subsystem: error: message". Usable from the first instruction of
    /// KernelMain (after SerialPort.Initialize): nothing here allocates.
    /// </summary>
    internal static class KernelLog
    {
        /// <summary>Writes a line as it is (the boot banner).</summary>
        public static void Banner(string text)
        {
            SerialPort.Write(text);
            SerialPort.Write("\n");
        }

        /// <summary>Starts an informational line for <paramref name="subsystem"/>; finish it with End().</summary>
        public static LogLine Info(string subsystem)
        {
            SerialPort.Write(subsystem);
            SerialPort.Write(": ");
            return default;
        }

        /// <summary>Starts a warning line for <paramref name="subsystem"/>; finish it with End().</summary>
        public static LogLine Warn(string subsystem)
        {
            SerialPort.Write(subsystem);
            SerialPort.Write(": warning: ");
            return default;
        }

        /// <summary>Starts an error line for <paramref name="subsystem"/>; finish it with End().</summary>
        public static LogLine Error(string subsystem)
        {
            SerialPort.Write(subsystem);
            SerialPort.Write(": error: ");
            return default;
        }

        public static void Info(string subsystem, string message) => Info(subsystem).Text(message).End();

        public static void Warn(string subsystem, string message) => Warn(subsystem).Text(message).End();

        public static void Error(string subsystem, string message) => Error(subsystem).Text(message).End();

        /// <summary>Writes "0x" and at least <paramref name="minimumDigits"/> lower-case hex digits (at most 16).</summary>
        public static unsafe void WriteHex(ulong value, int minimumDigits)
        {
            byte* digits = stackalloc byte[16];
            int count = 0;
            do
            {
                int digit = (int)(value & 0xF);
                digits[count++] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value >>= 4;
            }
            while (value != 0);
            while (count < minimumDigits && count < 16)
            {
                digits[count++] = (byte)'0';
            }
            SerialPort.WriteByte((byte)'0');
            SerialPort.WriteByte((byte)'x');
            while (count > 0)
            {
                SerialPort.WriteByte(digits[--count]);
            }
        }

        /// <summary>Writes the decimal digits of <paramref name="value"/>.</summary>
        public static unsafe void WriteDecimal(ulong value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);
            while (count > 0)
            {
                SerialPort.WriteByte(digits[--count]);
            }
        }
    }
}
