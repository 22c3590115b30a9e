using System.Runtime.CompilerServices;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Memory;
using CosmosKernel.Platform;
using CosmosKernel.Power;

namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// The end of the kernel: reports why on the serial port ("panic: &lt;reason&gt;", then details and a stack
    /// trace) and stops the CPU with interrupts off. With "qemu-exit-on-panic" on the command line it also
    /// ends QEMU through the debug-exit device (status 35) so tests do not wait for a timeout. Nothing here
    /// allocates: the heap may be what failed.
    /// </summary>
    internal static unsafe class Panic
    {
        private static bool s_inPanic;
        private static bool s_exitQemuOnPanic;

        /// <summary>Whether a panic also ends QEMU (set from the command line word "qemu-exit-on-panic").</summary>
        public static void SetExitQemuOnPanic(bool exit)
        {
            s_exitQemuOnPanic = exit;
        }

        /// <summary>Panics with <paramref name="reason"/> and a stack trace of the caller. Does not return.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Halt(string reason)
        {
            Native.DisableInterrupts();
            if (!Enter())
            {
                Stop();
            }
            SerialPort.Write("panic: ");
            SerialPort.Write(reason ?? "(no reason)");
            SerialPort.Write("\n");
            StackTrace.WriteCurrent();
            Finish();
        }

        /// <summary>
        /// The runtime's fatal-error handler (installed with FatalError.SetHandler): a failed runtime check or an
        /// unhandled throw. Reports the reason and, when there is one, the exception's type and message and the stack
        /// trace recorded while it was dispatched. Does not return.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void OnFatalError(string reason, object exception)
        {
            Native.DisableInterrupts();
            if (!Enter())
            {
                Stop();
            }
            SerialPort.Write("panic: ");
            SerialPort.Write(reason ?? "runtime failure");
            if (exception != null)
            {
                SerialPort.Write(" [");
                void* type = *(void**)Unsafe.AsPointer(exception);
                if (!KernelSymbols.WriteTypeName(type))
                {
                    SerialPort.Write("type ");
                    KernelLog.WriteHex((ulong)type, 16);
                }
                SerialPort.Write("]");
                if (exception is System.Exception typed && typed.Message != null)
                {
                    SerialPort.Write(": ");
                    SerialPort.Write(typed.Message);
                }
            }
            SerialPort.Write("\n");
            // An exception that escaped: where it was thrown (the dispatcher's record); any other failure: here.
            if (exception == null || !StackTrace.WriteRecorded(exception))
            {
                StackTrace.WriteCurrent();
            }
            Finish();
        }

        /// <summary>Reports a CPU exception: vector and name, error code, RIP with its method, CR2, all registers and a stack trace. Does not return.</summary>
        public static void FromTrap(TrapFrame* frame)
        {
            if (!Enter())
            {
                SerialPort.Write("panic: nested CPU exception ");
                KernelLog.WriteDecimal(frame->Vector);
                SerialPort.Write(" at rip ");
                KernelLog.WriteHex(frame->Rip, 16);
                SerialPort.Write(" while reporting a panic\n");
                Stop();
            }
            SerialPort.Write("panic: CPU exception ");
            KernelLog.WriteDecimal(frame->Vector);
            SerialPort.Write(": ");
            SerialPort.Write(CpuException.NameOf(frame->Vector));
            SerialPort.Write(frame->CameFromUserMode ? " in user mode\n" : " in kernel mode\n");

            SerialPort.Write("  error code: ");
            KernelLog.WriteHex(frame->ErrorCode, 1);
            if (frame->Vector == CpuException.PageFault)
            {
                WritePageFaultCause(frame->ErrorCode);
            }
            SerialPort.Write("\n  rip: ");
            KernelLog.WriteHex(frame->Rip, 16);
            SerialPort.Write(" ");
            if (!KernelSymbols.WriteLocation(frame->Rip))
            {
                SerialPort.Write("?");
            }
            SerialPort.Write("\n  cr2: ");
            KernelLog.WriteHex(frame->Cr2, 16);
            if (frame->Vector == CpuException.PageFault && frame->Cr2 < 4096)
            {
                SerialPort.Write(" (null pointer dereference)");
            }
            else if (frame->Cr2 >= KernelMemory.Layout.BootStackGuard && frame->Cr2 < KernelMemory.Layout.BootStackBottom)
            {
                SerialPort.Write(" (boot stack guard page: stack overflow)");
            }
            SerialPort.Write("\n");
            WriteRegisters(frame);
            StackTrace.Write(frame);
            Finish();
        }

        // The page-fault error code bits: present, write, user, reserved bit, instruction fetch.
        private static void WritePageFaultCause(ulong errorCode)
        {
            SerialPort.Write((errorCode & 1) != 0 ? " (protection violation" : " (page not present");
            SerialPort.Write((errorCode & 16) != 0 ? ", instruction fetch" : (errorCode & 2) != 0 ? ", write" : ", read");
            SerialPort.Write((errorCode & 4) != 0 ? ", user mode" : ", kernel mode");
            if ((errorCode & 8) != 0)
            {
                SerialPort.Write(", reserved bit set");
            }
            SerialPort.Write(")");
        }

        private static void WriteRegisters(TrapFrame* frame)
        {
            WriteRegister("  rax", frame->Rax); WriteRegister(" rbx", frame->Rbx); WriteRegister(" rcx", frame->Rcx); WriteRegister(" rdx", frame->Rdx);
            SerialPort.Write("\n");
            WriteRegister("  rsi", frame->Rsi); WriteRegister(" rdi", frame->Rdi); WriteRegister(" rbp", frame->Rbp); WriteRegister(" rsp", frame->Rsp);
            SerialPort.Write("\n");
            WriteRegister("  r8 ", frame->R8); WriteRegister(" r9 ", frame->R9); WriteRegister(" r10", frame->R10); WriteRegister(" r11", frame->R11);
            SerialPort.Write("\n");
            WriteRegister("  r12", frame->R12); WriteRegister(" r13", frame->R13); WriteRegister(" r14", frame->R14); WriteRegister(" r15", frame->R15);
            SerialPort.Write("\n");
            WriteRegister("  cs ", frame->Cs); WriteRegister(" ss ", frame->Ss); WriteRegister(" rflags", frame->Rflags); WriteRegister(" cr3", Native.ReadCr3());
            SerialPort.Write("\n");
        }

        private static void WriteRegister(string name, ulong value)
        {
            SerialPort.Write(name);
            SerialPort.Write("=");
            KernelLog.WriteHex(value, 16);
        }

        // False when a panic is already under way (a fault while reporting): the caller keeps it short.
        private static bool Enter()
        {
            if (s_inPanic)
            {
                return false;
            }
            s_inPanic = true;
            return true;
        }

        private static void Finish()
        {
            SerialPort.Write("panic: system halted\n");
            Stop();
        }

        private static void Stop()
        {
            if (s_exitQemuOnPanic)
            {
                QemuDebugExit.Exit(QemuDebugExit.Failure);
            }
            while (true)
            {
                Native.DisableInterrupts();
                Native.Halt();
            }
        }
    }
}
