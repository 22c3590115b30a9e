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
        /// a mapping error (QuotaExceeded, OutOfMemory, AlreadyExists, PermissionDenied for sigma0 memory it may not map), or the
        /// capability error of a transfer item's source slot.
        /// </summary>
        public static SystemCallError Deliver(ThreadControlBlock* sender, MessageTag tag, ulong badge, ThreadControlBlock* receiver)
        {
            Utcb* from = UtcbOf(sender);
            Utcb* to = UtcbOf(receiver);
            if (receiver->AwaitingPageFault)
            {
                SystemCallError faultError = TransferPageFaultReply(sender, from, tag, receiver);
                if (faultError == SystemCallError.None)
                {
                    receiver->IpcTag = tag.Word;
                }
                return faultError;
            }
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
                    SystemCallError error = CheckMemoryItem(senderTask, first, second, receiverTask, to->MemoryReceiveWindow, false);
                    if (error != SystemCallError.None)
                    {
                        return error;
                    }
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
                else if (TypedItem.KindOf(first) != TypedItemKind.String)
                {
                    SystemCallError error = CarryOutMemoryItem(senderTask, first, second, receiverTask, to->MemoryReceiveWindow, false, out ulong delivered, out ulong region);
                    if (error != SystemCallError.None)
                    {
                        return error;
                    }
                    to->MessageRegisters[register] = delivered;
                    to->MessageRegisters[register + 1] = region;
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

        // A page fault's reply: only its map and grant items count, placed in the whole user half of the faulting thread's
        // task; its words are not copied (the thread is in a trap, not a system call, and keeps its message registers).
        private static SystemCallError TransferPageFaultReply(ThreadControlBlock* sender, Utcb* from, MessageTag tag, ThreadControlBlock* receiver)
        {
            TaskControlBlock* senderTask = TaskTable.At(sender->TaskSlot);
            TaskControlBlock* receiverTask = TaskTable.At(receiver->TaskSlot);
            // Mappings.Map checks an item in full before it changes anything, so the usual reply of one item needs no
            // separate check pass; several items are all checked first, so that a failure leaves none carried out.
            for (int pass = tag.TypedCount == 1 ? 1 : 0; pass < 2; pass++)
            {
                for (int item = 0; item < tag.TypedCount; item++)
                {
                    int register = tag.UntypedCount + item * MessageLimits.TypedItemWordCount;
                    ulong first = from->MessageRegisters[register];
                    ulong second = from->MessageRegisters[register + 1];
                    TypedItemKind kind = TypedItem.KindOf(first);
                    if (kind != TypedItemKind.Map && kind != TypedItemKind.Grant)
                    {
                        return SystemCallError.TransferFailed;
                    }
                    SystemCallError error = pass == 0
                        ? CheckMemoryItem(senderTask, first, second, receiverTask, 0, true)
                        : CarryOutMemoryItem(senderTask, first, second, receiverTask, 0, true, out _, out _);
                    if (error != SystemCallError.None)
                    {
                        return error;
                    }
                }
            }
            return SystemCallError.None;
        }

        // Where a map or grant item goes: the window (the receiver's declared flexpage, or the whole user half) and the hot
        // spot choose the destination. A send flexpage no larger than the window lands at the window's base plus the hot
        // spot modulo the window size, rounded down to the send size; a larger one sends only the window-sized part the hot
        // spot (modulo the send size) falls in, to the window's base.
        private static SystemCallError PlaceMemoryItem(ulong first, ulong second, ulong windowWord, bool wholeUserHalf, out FlexpageItem item, out ulong sourceBase, out int sizeLog2, out ulong destination)
        {
            sourceBase = 0;
            sizeLog2 = 0;
            destination = 0;
            FlexpageItem.TryDecode(first, second, out item);
            ulong windowBase = 0;
            int windowSizeLog2 = Flexpage.MaximumSizeLog2;
            if (!wholeUserHalf)
            {
                if (windowWord == 0 || Flexpage.TryDecode(windowWord, out Flexpage window) != MessageError.None)
                {
                    return SystemCallError.TransferFailed;
                }
                windowBase = window.BaseAddress;
                windowSizeLog2 = window.SizeLog2;
            }
            Flexpage sent = item.Flexpage;
            ulong windowMask = (1UL << windowSizeLog2) - 1;
            ulong sentMask = (1UL << sent.SizeLog2) - 1;
            if (sent.SizeLog2 <= windowSizeLog2)
            {
                sourceBase = sent.BaseAddress;
                sizeLog2 = sent.SizeLog2;
                destination = windowBase + ((item.HotSpot & windowMask) & ~sentMask);
            }
            else
            {
                sourceBase = sent.BaseAddress + ((item.HotSpot & sentMask) & ~windowMask);
                sizeLog2 = windowSizeLog2;
                destination = windowBase;
            }
            return SystemCallError.None;
        }

        private static SystemCallError CheckMemoryItem(TaskControlBlock* senderTask, ulong first, ulong second, TaskControlBlock* receiverTask, ulong windowWord, bool wholeUserHalf)
        {
            SystemCallError error = PlaceMemoryItem(first, second, windowWord, wholeUserHalf, out _, out ulong sourceBase, out int sizeLog2, out ulong destination);
            return error != SystemCallError.None ? error : Mappings.Check(senderTask, sourceBase, sizeLog2, receiverTask, destination);
        }

        // Maps or grants; `delivered` and `region` are the item as the receiver sees it: the kind with the destination as hot
        // spot, and a flexpage of the destination region with the rights sent.
        private static SystemCallError CarryOutMemoryItem(TaskControlBlock* senderTask, ulong first, ulong second, TaskControlBlock* receiverTask, ulong windowWord, bool wholeUserHalf, out ulong delivered, out ulong region)
        {
            delivered = 0;
            region = 0;
            SystemCallError error = PlaceMemoryItem(first, second, windowWord, wholeUserHalf, out FlexpageItem item, out ulong sourceBase, out int sizeLog2, out ulong destination);
            if (error != SystemCallError.None)
            {
                return error;
            }
            error = Mappings.Map(senderTask, sourceBase, sizeLog2, Mappings.RightsOf(item.Flexpage.Rights), receiverTask, destination, item.Grant, out _);
            delivered = destination | (ulong)(item.Grant ? TypedItemKind.Grant : TypedItemKind.Map);
            Flexpage.TryCreate(destination, sizeLog2, item.Flexpage.Rights, out Flexpage received);
            region = received.Word;
            return error;
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
