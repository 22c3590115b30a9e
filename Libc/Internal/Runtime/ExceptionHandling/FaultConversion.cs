using System;
using System.Runtime;
using System.Text;
using Cosmos.Api;
using Internal.Runtime.GarbageCollection;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Turns a ring-3 program's CPU exceptions into managed exceptions (Kernel.SetFaultHandler). The kernel continues
    /// the faulting thread in exception_fault_entry with its UTCB's fault record: #DE becomes a DivideByZeroException
    /// and a page fault below UserLayout.MappableStart (the never-mapped null guard) a NullReferenceException, both
    /// thrown as if by the faulting instruction. Any other fault, or one inside the dispatcher's own stack walk, is
    /// not an exception, nor is one during a garbage collection (whether the dispatcher is walking is kept per thread, in Utcb.RuntimeState): the thread's stack trace is printed and the faulting instruction re-run with the record
    /// still pending, so the kernel ends the task with its standard fault report.
    /// </summary>
    public static unsafe class FaultConversion
    {
        private const ulong DivideErrorVector = 0;
        private const ulong PageFaultVector = 14;
        // exception_return_to_fault jumps through fs:576, the faulting rip in this thread's UTCB.
        private const ulong UtcbFaultRipOffset = 576;

        /// <summary>Installs the handler for the calling task. False (nothing installed) if the kernel refused it or the
        /// UTCB layout is not the one exception_dispatch.asm was written for.</summary>
        public static bool Install()
        {
            Utcb* utcb = (Utcb*)SystemCall.ReadThreadPointer();
            if ((ulong)&utcb->Fault.Registers.Rip - (ulong)utcb != UtcbFaultRipOffset)
            {
                return false;
            }
            ExceptionDispatcher.UsePerThreadWalkingFlag(&WalkingFlagOfThread);
            long previous = (long)Kernel.SetFaultHandler(NativeExceptionRoutines.FaultEntryAddress);
            return previous >= 0;
        }

        // Each thread's flag lives in its UTCB, so a fault in one thread is not judged by another thread's dispatch.
        private static ulong* WalkingFlagOfThread() => &((Utcb*)SystemCall.ReadThreadPointer())->RuntimeState;

        [RuntimeExport("LibcHandleFault")]
        private static void HandleFault(FaultRecord* record)
        {
            FaultRecord fault = *record;
            object exception = null;
            if (!ExceptionDispatcher.IsWalkingStack && !Collector.IsCollecting)
            {
                if (fault.Vector == DivideErrorVector)
                {
                    exception = new DivideByZeroException();
                }
                else if (fault.Vector == PageFaultVector && fault.Address < UserLayout.MappableStart)
                {
                    exception = new NullReferenceException();
                }
            }
            if (exception == null)
            {
                // Pending stays 1: a fault while printing, and the re-run fault, both go to the kernel's report.
                WriteTrace(&fault.Registers);
                NativeExceptionRoutines.ReturnToFault(&record->Registers);
            }
            record->Pending = 0;
            RegisterContext context = RegisterContext.From(in fault.Registers);
            ExceptionDispatcher.Dispatch(exception, &context, true, true);
        }

        private static void WriteTrace(UserRegisters* registers)
        {
            if (ExceptionDispatcher.IsWalkingStack)
            {
                Kernel.DebugWrite("fault: inside exception dispatch; no stack trace\n");
                return;
            }
            if (Collector.IsCollecting)
            {
                // The heap lock is held and other threads are stopped: nothing that allocates may run.
                Kernel.DebugWrite("fault: inside the garbage collector; no stack trace\n");
                return;
            }
            RegisterContext context = RegisterContext.From(in *registers);
            // Collected first and written at once, so that other tasks' lines cannot come between its lines.
            s_trace = new StringBuilder();
            s_trace.Append("fault: stack trace:\n");
            UnwindError error = StackTraceWalker.Walk(in context, true, &AppendFrame, MaximumTraceFrames);
            if (error != UnwindError.NoEntry)
            {
                s_trace.Append(string.Concat("  (stack walk stopped: ", UnwindErrorText.Describe(error), ")\n"));
            }
            Kernel.DebugWrite(s_trace.ToString());
        }

        private const int MaximumTraceFrames = 32;

        private static StringBuilder s_trace;

        private static void AppendFrame(ulong address)
        {
            s_trace.Append(string.Concat("  at ", CodeNames.Describe(address), "\n"));
        }
    }
}
