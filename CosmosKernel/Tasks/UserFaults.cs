using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Memory;
using CosmosKernel.Scheduling;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// A CPU exception raised in ring 3 (divide error, invalid opcode, general protection, a page fault
    /// outside the task's mappings, ...) goes to the task's fault handler if it installed one (the runtime turns
    /// it into a managed exception); otherwise, or if the handler itself faults, it ends the faulting task with a
    /// one-line report. Other tasks keep running. (From "Address spaces" on, page faults go to the pager first.)
    /// </summary>
    internal static unsafe class UserFaults
    {
        /// <summary>Bytes below the faulting rsp the handler's frame leaves alone: the System V red zone.</summary>
        public const ulong RedZoneSize = 128;

        /// <summary>
        /// Hands the fault to the task's handler: fills the thread's UTCB fault record (Pending = 1) and changes the frame so
        /// the thread continues at the handler with rdi = the record. False when there is no handler or the previous fault
        /// is still pending (the handler faulted), which ends the task instead.
        /// </summary>
        public static bool DeliverToHandler(TrapFrame* frame)
        {
            ThreadControlBlock* thread = Scheduler.Current;
            TaskControlBlock* task = TaskTable.At(thread->TaskSlot);
            if (task->FaultHandler == 0)
            {
                return false;
            }
            Utcb* utcb = (Utcb*)KernelMemory.Window.ToPointer(thread->UtcbFrame);
            FaultRecord* record = &utcb->Fault;
            if (record->Pending != 0)
            {
                return false;
            }
            record->Pending = 1;
            record->Vector = frame->Vector;
            record->ErrorCode = frame->ErrorCode;
            record->Address = frame->Vector == CpuException.PageFault ? frame->Cr2 : 0;
            UserRegisterState.CopyFrom(frame, &record->Registers);
            frame->Rdi = thread->UtcbAddress + (ulong)((byte*)record - (byte*)utcb);
            frame->Rsp = ((frame->Rsp - RedZoneSize) & ~15UL) - 8;
            frame->Rip = task->FaultHandler;
            return true;
        }

        /// <summary>Reports the fault and ends the running thread's task. Does not return.</summary>
        public static void EndFaultingTask(TrapFrame* frame)
        {
            ThreadControlBlock* thread = Scheduler.Current;
            TaskControlBlock* task = TaskTable.At(thread->TaskSlot);
            LogLine line = KernelLog.Error("fault").Text("task ").Identifier(task->Id.Slot, task->Id.Version).Text(" \"")
                .Ascii(task->Name, task->NameLength).Text("\" thread ").Identifier(thread->Id.Slot, thread->Id.Version).Text(": ")
                .Text(CpuException.NameOf(frame->Vector)).Text(" at ").Hex(frame->Rip);
            ProgramSymbols.WriteLocation(task, frame->Rip);
            line = line.Text(", error code ").Hex(frame->ErrorCode);
            if (frame->Vector == CpuException.PageFault)
            {
                line = line.Text(", address ").Hex(frame->Cr2).Text(frame->Cr2 >= UserLayout.UserSpaceEnd ? " (kernel memory)" : frame->Cr2 < UserLayout.MappableStart ? " (null pointer)" : "");
            }
            line.Text("; ending the task").End();
            TaskLifecycle.EndTask(task, TaskEndReason.Faulted, -(long)(frame->Vector + 1));
        }
    }
}
