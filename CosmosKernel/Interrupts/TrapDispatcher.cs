using System.Runtime;
using CosmosKernel.Console;
using CosmosKernel.Diagnostics;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using CosmosKernel.Time;

namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// Where every trap stub lands (trap_common calls kernel_trap_handler with the saved frame): CPU exceptions
    /// from ring 3 end the faulting task, those from the kernel panic; the timer tick drives the scheduler; legacy PIC
    /// lines go to their drivers' notifications (InterruptLines).
    /// If the handler switches threads, this frame stays on the old thread's kernel stack and is returned
    /// through when that thread runs again.
    /// </summary>
    internal static unsafe class TrapDispatcher
    {
        [RuntimeExport("kernel_trap_handler")]
        private static void HandleTrap(TrapFrame* frame)
        {
            ulong vector = frame->Vector;
            if (frame->CameFromUserMode)
            {
                Scheduler.Current->LastUserEntry = UserEntry.Interrupt; // its ring-3 registers are in this frame
            }
            if (vector < CpuException.Count)
            {
                if (!frame->CameFromUserMode || !IsThreadFault(vector))
                {
                    Panic.FromTrap(frame);
                }
                // A page fault goes to the task's pager first; what it does not resolve, and every other fault, to the
                // task's own fault handler, then the thread's exception port, else the task ends.
                bool resolved = vector == CpuException.PageFault && Ipc.PageFaultMessages.Deliver(frame);
                if (!resolved && !UserFaults.DeliverToHandler(frame) && !Ipc.ExceptionMessages.Deliver(frame))
                {
                    UserFaults.EndFaultingTask(frame); // does not return
                }
            }
            else if (vector == InterruptVectors.Timer)
            {
                LocalApic.EndOfInterrupt();
                Scheduler.OnTimerTick();
            }
            else if (vector >= InterruptVectors.LegacyPicBase && vector < InterruptVectors.LegacyPicEnd)
            {
                // A legacy PIC line (delivered through LINT0 as ExtINT: no APIC end-of-interrupt): masked, ended at the
                // PIC and signalled to its driver's notification, or recognised as a spurious IRQ 7/15.
                InterruptLines.OnInterrupt((int)(vector - InterruptVectors.LegacyPicBase));
            }
            else if (vector == InterruptVectors.Spurious)
            {
                // The APIC's own spurious vector: no end-of-interrupt.
            }
            else
            {
                KernelLog.Warn("interrupt").Text("unexpected vector ").Decimal(vector).End();
                LocalApic.EndOfInterrupt();
            }
            // A thread woken on the way (by an interrupt line's notification, or the reply to a fault message) that
            // outranks the interrupted one runs now, not at the next tick.
            Scheduler.PreemptIfPending();
        }

        // Exceptions caused by the instruction a thread executed (not NMI, double fault or machine check, which say the machine is in trouble).
        private static bool IsThreadFault(ulong vector) => vector != CpuException.NonMaskableInterrupt && vector != CpuException.DoubleFault && vector != CpuException.MachineCheck;
    }
}
