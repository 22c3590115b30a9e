using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Memory;
using CosmosKernel.Scheduling;
using CosmosKernel.SystemCalls;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// Moves one message from a sender to a receiver at their rendezvous, on the general path: message registers from
    /// UTCB to UTCB (both reached through the kernel's direct map, whichever address space is loaded), typed items
    /// carried out, and the receiver's saved registers set so its system call returns the message. Typed items are
    /// checked in full first (capability sources and destinations, string buffers mapped and large enough), then
    /// carried out, so a transfer that fails leaves both sides as they were and only the sender sees the error.
    /// </summary>
    internal static unsafe class MessageTransfer
    {
        /// <summary>The saved ring-3 registers of a thread that entered the kernel by `syscall` (at the top of its kernel stack).</summary>
        public static SystemCallFrame* FrameOf(ThreadControlBlock* thread) => (SystemCallFrame*)(thread->KernelStackTop - (ulong)sizeof(SystemCallFrame));

        /// <summary>The thread's UTCB through the direct map.</summary>
        public static Utcb* UtcbOf(ThreadControlBlock* thread) => (Utcb*)KernelMemory.Window.ToPointer(thread->UtcbFrame);

        /// <summary>
        /// Copies the message <paramref name="tag"/> describes (already validated) from <paramref name="sender"/>'s UTCB to
        /// <paramref name="receiver"/>, which sees <paramref name="badge"/>. Errors are the sender's: TransferFailed,
        /// NotSupported, or the capability error of a transfer item's source slot.
        /// </summary>
        public static SystemCallError Deliver(ThreadControlBlock* sender, MessageTag tag, ulong badge, ThreadControlBlock* receiver)
        {
            Utcb* from = UtcbOf(sender);
            Utcb* to = UtcbOf(receiver);
            if (tag.TypedCount == 0)
            {
                CopyWords(from->MessageRegisters, to->MessageRegisters, tag.UntypedCount);
            }
            else
            {
                SystemCallError error = TransferItems(sender, from, tag, receiver, to);
                if (error != SystemCallError.None)
                {
                    return error;
                }
            }
            SetReceivedRegisters(receiver, to, tag.Word, badge);
            return SystemCallError.None;
        }

        /// <summary>
        /// Sets what a woken receiver's system call returns in registers: the tag, the badge and message registers 0-3. A
        /// thread that is not in a system call (a faulting thread waiting for its handler's reply) keeps the tag in its
        /// control block instead.
        /// </summary>
        public static void SetReceivedRegisters(ThreadControlBlock* receiver, Utcb* utcb, ulong tagWord, ulong badge)
        {
            if (receiver->LastUserEntry != UserEntry.SystemCall)
            {
                receiver->IpcTag = tagWord;
                return;
            }
            SystemCallFrame* frame = FrameOf(receiver);
            frame->Rsi = tagWord;
            frame->Rdi = badge;
            frame->R10 = utcb->MessageRegisters[0];
            frame->R8 = utcb->MessageRegisters[1];
            frame->R9 = utcb->MessageRegisters[2];
            frame->R15 = utcb->MessageRegisters[3];
        }

        private static void CopyWords(ulong* source, ulong* destination, int count) =>
            System.Runtime.InteropServices.NativeMemory.Copy(source, destination, (nuint)count * sizeof(ulong));

        private static SystemCallError TransferItems(ThreadControlBlock* sender, Utcb* from, MessageTag tag, ThreadControlBlock* receiver, Utcb* to)
        {
            TaskControlBlock* senderTask = TaskTable.At(sender->TaskSlot);
            TaskControlBlock* receiverTask = TaskTable.At(receiver->TaskSlot);
            if (CapabilityReceiveWindow.TryDecode(to->CapabilityReceiveWindow, out CapabilityReceiveWindow window) != MessageError.None
                || to->StringReceiveBufferCount > Utcb.StringReceiveBufferCapacity)
            {
                return SystemCallError.TransferFailed;
            }
            int bufferCount = (int)to->StringReceiveBufferCount;

            // Check everything first.
            int capabilities = 0;
            int strings = 0;
            for (int item = 0; item < tag.TypedCount; item++)
            {
                int register = tag.UntypedCount + item * MessageLimits.TypedItemWordCount;
                ulong first = from->MessageRegisters[register];
                ulong second = from->MessageRegisters[register + 1];
                TypedItemKind kind = TypedItem.KindOf(first);
                if (kind == TypedItemKind.CapabilityTransfer)
                {
                    CapabilityTransferItem.TryDecode(first, second, out CapabilityTransferItem transfer);
                    SystemCallError error = CheckCapabilityTransfer(senderTask, transfer, receiverTask, window, capabilities);
                    if (error != SystemCallError.None)
                    {
                        return error;
                    }
                    capabilities++;
                }
                else if (kind == TypedItemKind.String)
                {
                    StringItem.TryDecode(first, second, out StringItem text);
                    if (strings >= bufferCount
                        || StringReceiveBuffer.TryDecode(to->StringReceiveBuffers[2 * strings], to->StringReceiveBuffers[2 * strings + 1], out StringReceiveBuffer buffer) != MessageError.None
                        || text.Length > buffer.Length
                        || UserMemory.Check(in senderTask->Space, text.Address, text.Length, UserMemory.Access.Read) != SystemCallError.None
                        || UserMemory.Check(in receiverTask->Space, buffer.Address, text.Length, UserMemory.Access.Write) != SystemCallError.None)
                    {
                        return SystemCallError.TransferFailed;
                    }
                    strings++;
                }
                else
                {
                    return SystemCallError.NotSupported; // map and grant: issue "Address spaces"
                }
            }

            // Then carry it out.
            CopyWords(from->MessageRegisters, to->MessageRegisters, tag.UntypedCount);
            capabilities = 0;
            strings = 0;
            for (int item = 0; item < tag.TypedCount; item++)
            {
                int register = tag.UntypedCount + item * MessageLimits.TypedItemWordCount;
                ulong first = from->MessageRegisters[register];
                ulong second = from->MessageRegisters[register + 1];
                if (TypedItem.KindOf(first) == TypedItemKind.CapabilityTransfer)
                {
                    CapabilityTransferItem.TryDecode(first, second, out CapabilityTransferItem transfer);
                    uint destination = window.FirstSlot + (uint)capabilities;
                    CapabilitySpace.Read(senderTask, transfer.SenderSlot, out Capability source);
                    CapabilitySpace.Transfer(senderTask, transfer.SenderSlot, receiverTask, destination, source.Rights, 0, transfer.Move, out _);
                    to->MessageRegisters[register] = first;
                    to->MessageRegisters[register + 1] = destination;
                    capabilities++;
                }
                else
                {
                    StringItem.TryDecode(first, second, out StringItem text);
                    StringReceiveBuffer.TryDecode(to->StringReceiveBuffers[2 * strings], to->StringReceiveBuffers[2 * strings + 1], out StringReceiveBuffer buffer);
                    UserMemory.CopyBetween(in senderTask->Space, text.Address, in receiverTask->Space, buffer.Address, text.Length, UserMemory.Access.Write);
                    to->MessageRegisters[register] = first;
                    to->MessageRegisters[register + 1] = buffer.Address;
                    strings++;
                }
            }
            return SystemCallError.None;
        }

        // A transfer item can be carried out: the source is live and may leave its table, and the window has an empty slot for it.
        private static SystemCallError CheckCapabilityTransfer(TaskControlBlock* senderTask, CapabilityTransferItem transfer, TaskControlBlock* receiverTask,
            CapabilityReceiveWindow window, int index)
        {
            SystemCallError error = CapabilitySpace.Read(senderTask, transfer.SenderSlot, out Capability source);
            if (error != SystemCallError.None)
            {
                return error;
            }
            if (!CapabilitySpace.IsLive(source))
            {
                return SystemCallError.StaleCapability;
            }
            if (!transfer.Move && !CapabilityKinds.IsCopyable(source.Kind))
            {
                return SystemCallError.NotCopyable;
            }
            if (senderTask != receiverTask && (source.Rights & CapabilityRights.Grant) == 0)
            {
                return SystemCallError.InsufficientRights;
            }
            ulong destination = (ulong)window.FirstSlot + (ulong)index;
            if ((ulong)index >= window.SlotCount || destination == 0 || destination >= CapabilityTable.Capacity)
            {
                return SystemCallError.TransferFailed;
            }
            return CapabilitySpace.Read(receiverTask, destination, out _) == SystemCallError.EmptySlot ? SystemCallError.None : SystemCallError.TransferFailed;
        }
    }
}
