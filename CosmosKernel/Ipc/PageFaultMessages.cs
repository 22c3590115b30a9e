using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;
using CosmosKernel.Console;
using CosmosKernel.Interrupts;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// Page faults as messages: a ring-3 page fault in a task with a pager (TaskSetPager) becomes a call to the pager's port
    /// on the faulting thread's behalf (<see cref="PageFaultMessage"/>: address, access, instruction, thread), sent from
    /// inside the trap. The thread waits for the reply; <see cref="MessageTransfer"/> carries the reply's map or grant item
    /// into the thread's address space (the whole user half is the receive window) and nothing else. Resolved: the trap
    /// returns and the instruction runs again. Unresolved (another label, the pager gone, or the same fault coming back
    /// <see cref="RepeatLimit"/> times in a row): the fault goes on as one without a pager.
    /// </summary>
    internal static unsafe class PageFaultMessages
    {
        /// <summary>How often the same fault (address and instruction) may come back right after a "resolved" reply.</summary>
        public const int RepeatLimit = 8;

        // Page-fault error code bits.
        private const ulong PresentBit = 1;
        private const ulong WriteBit = 2;
        private const ulong InstructionFetchBit = 16;

        /// <summary>True: the pager resolved the fault (retry the instruction); false: handle it as an unpaged fault.</summary>
        public static bool Deliver(TrapFrame* frame)
        {
            ThreadControlBlock* thread = Scheduler.Current;
            TaskControlBlock* task = TaskTable.At(thread->TaskSlot);
            if (task->Pager.IsEmpty || frame->Cr2 >= UserLayout.UserSpaceEnd)
            {
                return false;
            }
            if (!CapabilitySpace.IsLive(task->Pager))
            {
                Report(task, thread, frame, "its pager is gone");
                return false;
            }
            if (frame->Cr2 == thread->LastFaultAddress && frame->Rip == thread->LastFaultInstruction)
            {
                if (++thread->RepeatedFaults >= RepeatLimit)
                {
                    thread->RepeatedFaults = 0;
                    Report(task, thread, frame, "its pager's replies do not map the page");
                    return false;
                }
            }
            else
            {
                thread->LastFaultAddress = frame->Cr2;
                thread->LastFaultInstruction = frame->Rip;
                thread->RepeatedFaults = 0;
            }

            Utcb* utcb = MessageTransfer.UtcbOf(thread);
            ulong* words = utcb->MessageRegisters;
            for (int i = 0; i < PageFaultMessage.WordCount; i++)
            {
                thread->SavedMessageRegisters[i] = words[i];
            }
            ulong access = (frame->ErrorCode & WriteBit) != 0 ? (ulong)FlexpageRights.Write
                : (frame->ErrorCode & InstructionFetchBit) != 0 ? (ulong)FlexpageRights.Execute : (ulong)FlexpageRights.Read;
            if ((frame->ErrorCode & PresentBit) != 0)
            {
                access |= PageFaultMessage.PresentBit;
            }
            words[PageFaultMessage.AddressWord] = frame->Cr2;
            words[PageFaultMessage.AccessWord] = access;
            words[PageFaultMessage.InstructionWord] = frame->Rip;
            words[PageFaultMessage.ThreadIdWord] = thread->Id.Value;
            MessageTag.TryCreate(PageFaultMessage.Label, PageFaultMessage.WordCount, 0, MessageTagFlags.None, out MessageTag tag);

            thread->AwaitingPageFault = true;
            long result = IpcOperations.SendToPort(task->Pager, tag, true, IpcTimeout.Infinite);
            thread->AwaitingPageFault = false;
            for (int i = 0; i < PageFaultMessage.WordCount; i++)
            {
                words[i] = thread->SavedMessageRegisters[i];
            }
            if (result != (long)IpcStatus.Message)
            {
                Report(task, thread, frame, "its pager is gone");
                return false;
            }
            MessageTag.TryDecode(thread->IpcTag, out MessageTag reply);
            if (reply.Label != PageFaultMessage.ResolvedLabel || (reply.Flags & MessageTagFlags.Error) != 0)
            {
                Report(task, thread, frame, "its pager did not resolve it");
                return false;
            }
            return true;
        }

        private static void Report(TaskControlBlock* task, ThreadControlBlock* thread, TrapFrame* frame, string reason)
        {
            KernelLog.Warn("pager").Text("task ").Identifier(task->Id.Slot, task->Id.Version).Text(" \"").Ascii(task->Name, task->NameLength)
                .Text("\" thread ").Identifier(thread->Id.Slot, thread->Id.Version).Text(": page fault at ").Hex(frame->Cr2)
                .Text(" (instruction ").Hex(frame->Rip).Text(") not resolved: ").Text(reason).End();
        }
    }
}
