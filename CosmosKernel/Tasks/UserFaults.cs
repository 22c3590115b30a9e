using Cosmos.Api;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Scheduling;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// A CPU exception raised in ring 3 (divide error, invalid opcode, general protection, a page fault
    /// outside the task's mappings, ...) ends the faulting task with a one-line report; other tasks keep
    /// running. (From the "IPC" issue on, a thread with an exception handler gets a message instead; from
    /// "Address spaces" on, page faults go to the pager first.)
    /// </summary>
    internal static unsafe class UserFaults
    {
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
