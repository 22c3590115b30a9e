using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Scheduling;
using CosmosKernel.SystemCalls;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The IPC fast path (Liedtke's "direct process switch", seL4's fastpath): IpcCall and IpcReplyWait with a short
    /// untyped message (at most 4 words, all in registers) to a partner that is already waiting, and that outranks
    /// every ready thread, hand the registers straight to the partner's saved frame and switch to it — no UTCB copy,
    /// no run-queue traffic, and the partner runs out the caller's time slice. Anything else (typed items, long
    /// messages, no partner waiting, a queued sender, pending notification bits, a suspended partner, a zero
    /// timeout) returns false and the general path (<see cref="IpcOperations"/>) does the same thing the long way.
    /// </summary>
    internal static unsafe class IpcFastPath
    {
        // Tag bits that must be clear in a short tag: everything but the label and the low three bits of the untyped count.
        private const ulong ShortTagMask = ~(0xFFFF_FFFF_0000_0000UL | 0x7UL);

        /// <summary>IpcCall to a port with a receiver waiting. True when done (rax set, and the reply arrived).</summary>
        public static bool TryCall(SystemCallFrame* frame)
        {
            ThreadControlBlock* current = Scheduler.Current;
            if (!IsShort(frame->Rsi)
                || CapabilitySpace.Lookup(TaskTable.At(current->TaskSlot), frame->Rdi, CapabilityKind.Port, CapabilityRights.Send, out Capability port) != SystemCallError.None)
            {
                return false;
            }
            Port* target = KernelObjects.Ports->Find(port.Object);
            ThreadControlBlock* receiver = target->Receivers.First;
            if (receiver == null || receiver->Suspended || receiver->Priority < Scheduler.HighestReadyPriority)
            {
                return false;
            }
            target->Receivers.Remove(receiver);
            PassRegisters(frame, receiver, port.Badge);
            IpcOperations.BeginCall(current, receiver);
            Scheduler.BlockAndSwitchTo(BlockReason.IpcReply, ulong.MaxValue, receiver);
            frame->Rax = (ulong)current->WakeResult;
            return true;
        }

        /// <summary>IpcReplyWait answering a caller that waits in a system call, on a port with no sender queued. True when done (rax set, a new message or error arrived).</summary>
        public static bool TryReplyWait(SystemCallFrame* frame)
        {
            if (!IsShort(frame->Rsi) || frame->Rdx == IpcTimeout.Poll)
            {
                return false;
            }
            ThreadControlBlock* current = Scheduler.Current;
            ThreadControlBlock* caller = IpcOperations.CallerOf(current);
            if (caller == null || caller->Suspended || caller->LastUserEntry != UserEntry.SystemCall || caller->Priority < Scheduler.HighestReadyPriority)
            {
                return false;
            }
            if (CapabilitySpace.Lookup(TaskTable.At(current->TaskSlot), frame->Rdi, CapabilityKind.Port, CapabilityRights.Receive, out Capability port) != SystemCallError.None)
            {
                return false;
            }
            Port* source = KernelObjects.Ports->Find(port.Object);
            if (!source->Senders.IsEmpty || !source->BoundNotification.IsNone)
            {
                return false;
            }
            PassRegisters(frame, caller, 0);
            current->Caller = ThreadId.None;
            caller->CallSequence = IpcOperations.NextCallSequence();
            current->IpcWaitObject = port.Object.Index;
            source->Receivers.Append(current);
            Scheduler.BlockAndSwitchTo(BlockReason.IpcReceive, IpcOperations.DeadlineOf(frame->Rdx), caller);
            frame->Rax = (ulong)current->WakeResult;
            return true;
        }

        // A tag the fast path carries: only the label and an untyped count of 0-4 (no typed items, no flags).
        private static bool IsShort(ulong tag) => (tag & ShortTagMask) == 0 && (tag & 0x7) <= MessageLimits.FastPathWordCount;

        // The message travels register to register: tag, badge and message registers 0-3 into the partner's saved frame. The
        // partner's UTCB is not touched (one page less to fill after the address-space switch); Libc's stub stores them there.
        private static void PassRegisters(SystemCallFrame* frame, ThreadControlBlock* partner, ulong badge)
        {
            SystemCallFrame* to = MessageTransfer.FrameOf(partner);
            to->Rsi = frame->Rsi;
            to->Rdi = badge;
            to->R10 = frame->R10;
            to->R8 = frame->R8;
            to->R9 = frame->R9;
            to->R15 = frame->R15;
            partner->WakeResult = (long)IpcStatus.Message;
        }
    }
}
