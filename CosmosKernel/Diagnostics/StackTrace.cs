using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Tasks;
using Internal.Runtime;
using Internal.Runtime.ExceptionHandling;

namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// Writes a panic's stack trace: the frames are unwound through the kernel image's DWARF call-frame information
    /// (Libc's StackTraceWalker over .eh_frame), so methods without a frame pointer appear too, and named from the
    /// kernel's symbol table. One line per frame, "  #N  ADDRESS Namespace.Type.Method+0xOFFSET", innermost first;
    /// the address is the faulting instruction or a call's last byte. The walk stops at code without unwind
    /// information (the assembly entry points), on corrupt data (named on a last line), or after
    /// <see cref="MaximumFrames"/>. Nothing here allocates.
    /// </summary>
    internal static unsafe class StackTrace
    {
        public const int MaximumFrames = 32;

        private static int s_index;

        /// <summary>The trace of a CPU exception: from the faulting instruction in <paramref name="frame"/>.</summary>
        public static void Write(TrapFrame* frame)
        {
            UserRegisters registers;
            UserRegisterState.CopyFrom(frame, &registers); // the same copy whichever ring the frame came from
            Walk(RegisterContext.From(in registers), true);
        }

        /// <summary>The trace of the caller of this method (it appears as the first frame's caller).</summary>
        public static void WriteCurrent()
        {
            RegisterContext context = default;
            NativeExceptionRoutines.CaptureCaller(&context);
            Walk(in context, false);
        }

        /// <summary>The frames the exception dispatcher recorded for <paramref name="exception"/> on its way up; false if none.</summary>
        public static bool WriteRecorded(object exception)
        {
            int count = ExceptionReporting.RecordedFrameCount(exception);
            if (count == 0)
            {
                return false;
            }
            SerialPort.Write("stack trace (exception):\n");
            s_index = 0;
            for (int i = 0; i < count; i++)
            {
                WriteFrame(ExceptionReporting.RecordedFrame(exception, i));
            }
            return true;
        }

        private static void Walk(in RegisterContext context, bool faulting)
        {
            SerialPort.Write("stack trace:\n");
            s_index = 0;
            UnwindError error = StackTraceWalker.Walk(in context, faulting, &WriteFrame, MaximumFrames);
            if (s_index == 0)
            {
                WriteFrame(context.Rip); // code without unwind information (an assembly routine): at least where it was
            }
            if (error == UnwindError.CorruptStack && s_index == MaximumFrames)
            {
                SerialPort.Write("  ... (more frames not shown)\n");
            }
            else if (error != UnwindError.NoEntry)
            {
                SerialPort.Write("  (stack walk stopped: ");
                SerialPort.Write(UnwindErrorText.Describe(error));
                SerialPort.Write(")\n");
            }
        }

        private static void WriteFrame(ulong address)
        {
            int index = s_index++;
            SerialPort.Write("  #");
            KernelLog.WriteDecimal((ulong)index);
            SerialPort.Write(index < 10 ? "  " : " ");
            KernelLog.WriteHex(address, 16);
            SerialPort.Write(" ");
            if (!KernelSymbols.WriteLocation(address))
            {
                SerialPort.Write("?");
            }
            SerialPort.Write("\n");
        }
    }
}
