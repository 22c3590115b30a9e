namespace Cosmos.Api
{
    /// <summary>
    /// Typed, allocation-free wrappers over the kernel's system calls for ring-3 programs. Results that can
    /// fail come back as <see cref="SystemCallError"/> (negative) or the value.
    /// </summary>
    public static unsafe class Kernel
    {
        public static SystemCallError AsError(long result) => result < 0 ? (SystemCallError)result : SystemCallError.None;

        /// <summary>Writes ASCII bytes to the kernel's debug console (the serial port).</summary>
        public static SystemCallError DebugWrite(byte* text, int length) => AsError(SystemCall.Invoke(SystemCallNumber.DebugWrite, (long)text, length));

        /// <summary>Writes a string to the debug console (characters above 127 become '?').</summary>
        public static SystemCallError DebugWrite(string text)
        {
            if (text == null)
            {
                return SystemCallError.None;
            }
            byte* buffer = stackalloc byte[256];
            int offset = 0;
            while (offset < text.Length)
            {
                int count = text.Length - offset < 256 ? text.Length - offset : 256;
                for (int i = 0; i < count; i++)
                {
                    char character = text[offset + i];
                    buffer[i] = character < 128 ? (byte)character : (byte)'?';
                }
                SystemCallError error = DebugWrite(buffer, count);
                if (error != SystemCallError.None)
                {
                    return error;
                }
                offset += count;
            }
            return SystemCallError.None;
        }

        public static void Yield() => SystemCall.Invoke(SystemCallNumber.Yield);

        public static SystemCallError Sleep(ulong nanoseconds) => AsError(SystemCall.Invoke(SystemCallNumber.Sleep, (long)nanoseconds));

        /// <summary>Nanoseconds since boot (monotonic).</summary>
        public static ulong Uptime() => (ulong)SystemCall.Invoke(SystemCallNumber.Uptime);

        public static void ExitThread(int code)
        {
            SystemCall.Invoke(SystemCallNumber.ThreadExit, code);
        }

        public static void ExitTask(int code)
        {
            SystemCall.Invoke(SystemCallNumber.TaskExit, code);
        }

        public static long ThreadSelf() => SystemCall.Invoke(SystemCallNumber.ThreadSelf);
    }
}
