using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Scheduling;
using CosmosKernel.Time;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// Synchronous IPC on the general path: the rendezvous of a sender and a receiver at a port, calls and their
    /// one-shot replies, timeouts, and the clean-up that keeps every waiting thread from hanging when its partner,
    /// port or caller goes away. The message itself is carried by <see cref="MessageTransfer"/>; a sender's message
    /// is always in its UTCB here (the system-call layer stores registers 0-3 there first). Short calls between
    /// waiting partners take <see cref="IpcFastPath"/> instead, with the same effect.
    ///
    /// A call: the caller's message is delivered, then the caller blocks in IpcReply with a new CallSequence; the
    /// receiving thread holds the implicit reply right (Caller, CallerSequence) until it replies, saves it as a Reply
    /// capability (IpcSaveReply), receives again (the unanswered caller gets PartnerGone), or ends (likewise).
    /// </summary>
    internal static unsafe class IpcOperations
    {
        private static uint s_lastCallSequence;

        /// <summary>Sends (or with <paramref name="calling"/> calls) through a live port capability; the message is in the current thread's UTCB.</summary>
        public static long SendToPort(Capability portCapability, MessageTag tag, bool calling, ulong timeout)
        {
            ThreadControlBlock* current = Scheduler.Current;
            Port* port = KernelObjects.Ports->Find(portCapability.Object);
            ThreadControlBlock* receiver = port->Receivers.First;
            if (receiver != null)
            {
                SystemCallError error = MessageTransfer.Deliver(current, tag, portCapability.Badge, receiver);
                if (error != SystemCallError.None)
                {
                    return (long)error;
                }
                port->Receivers.Remove(receiver);
                receiver->WakeResult = (long)IpcStatus.Message;
                Scheduler.WakeLater(receiver);
                if (!calling)
                {
                    return 0;
                }
                BeginCall(current, receiver);
                Scheduler.Block(BlockReason.IpcReply, ulong.MaxValue);
                return current->WakeResult;
            }
            if (timeout == IpcTimeout.Poll)
            {
                return (long)SystemCallError.TimedOut;
            }
            current->IpcTag = tag.Word;
            current->IpcBadge = portCapability.Badge;
            current->IpcCalling = calling;
            current->IpcWaitObject = portCapability.Object.Index;
            port->Senders.InsertByPriority(current);
            Scheduler.Block(BlockReason.IpcSend, DeadlineOf(timeout));
            return current->WakeResult;
        }

        /// <summary>Receives on a live port capability: a queued sender's message, the bound notification's bits, or waits for either.</summary>
        public static long ReceiveFromPort(Capability portCapability, ulong timeout)
        {
            ThreadControlBlock* current = Scheduler.Current;
            DropCaller(current);
            Port* port = KernelObjects.Ports->Find(portCapability.Object);
            if (Notifications.TakeBoundBits(port, current))
            {
                return (long)IpcStatus.Notification;
            }
            ThreadControlBlock* sender;
            while ((sender = port->Senders.TakeFirst()) != null)
            {
                MessageTag.TryDecode(sender->IpcTag, out MessageTag tag); // validated when it was sent
                SystemCallError error = MessageTransfer.Deliver(sender, tag, sender->IpcBadge, current);
                if (error != SystemCallError.None)
                {
                    WakeWithResult(sender, (long)error);
                    continue;
                }
                if (sender->IpcCalling)
                {
                    Scheduler.ChangeBlockReason(sender, BlockReason.IpcReply, ulong.MaxValue);
                    BeginCall(sender, current);
                }
                else
                {
                    WakeWithResult(sender, 0);
                }
                return (long)IpcStatus.Message;
            }
            if (timeout == IpcTimeout.Poll)
            {
                return (long)SystemCallError.TimedOut;
            }
            current->IpcWaitObject = portCapability.Object.Index;
            port->Receivers.Append(current);
            Scheduler.Block(BlockReason.IpcReceive, DeadlineOf(timeout));
            return current->WakeResult;
        }

        /// <summary>Answers the current thread's implicit caller with the message in its UTCB.</summary>
        public static long ReplyToCaller(MessageTag tag)
        {
            ThreadControlBlock* current = Scheduler.Current;
            ThreadControlBlock* caller = CallerOf(current);
            if (caller == null)
            {
                current->Caller = ThreadId.None;
                return (long)SystemCallError.NoCaller;
            }
            SystemCallError error = MessageTransfer.Deliver(current, tag, 0, caller);
            if (error != SystemCallError.None)
            {
                return (long)error; // the caller keeps waiting; the reply can be retried
            }
            current->Caller = ThreadId.None;
            FinishCall(caller, 0);
            return 0;
        }

        /// <summary>Answers the caller a live Reply capability names (the slot is emptied by the system-call layer on success).</summary>
        public static long ReplyThrough(Capability reply, MessageTag tag)
        {
            ThreadControlBlock* caller = ThreadTable.At((int)reply.Object.Index);
            SystemCallError error = MessageTransfer.Deliver(Scheduler.Current, tag, 0, caller);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            FinishCall(caller, 0);
            return 0;
        }

        /// <summary>Turns the current thread's implicit reply right into a Reply capability in its table.</summary>
        public static long SaveReply(ulong destinationSlot)
        {
            ThreadControlBlock* current = Scheduler.Current;
            ThreadControlBlock* caller = CallerOf(current);
            if (caller == null)
            {
                current->Caller = ThreadId.None;
                return (long)SystemCallError.NoCaller;
            }
            Capability reply = new Capability(CapabilityKind.Reply, CapabilityRights.Send | CapabilityRights.Grant,
                new KernelObjectReference((uint)caller->Id.Slot, caller->CallSequence));
            SystemCallError error = CapabilitySpace.Insert(Tasks.TaskTable.At(current->TaskSlot), destinationSlot, reply, out uint slot);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            current->Caller = ThreadId.None;
            return slot;
        }

        /// <summary>The thread waiting for <paramref name="thread"/>'s reply, or null (none, or it ended, or its call was answered).</summary>
        public static ThreadControlBlock* CallerOf(ThreadControlBlock* thread)
        {
            if (thread->Caller.IsNone)
            {
                return null;
            }
            ThreadControlBlock* caller = ThreadTable.Find(thread->Caller);
            if (caller == null || !caller->IsWaitingForReply || caller->CallSequence != thread->CallerSequence)
            {
                return null;
            }
            return caller;
        }

        /// <summary>A call ends without a reply (the reply right was deleted, its holder ended or received again): the caller gets PartnerGone.</summary>
        public static void AbortCall(ThreadControlBlock* caller)
        {
            if (caller != null && caller->IsWaitingForReply)
            {
                FinishCall(caller, (long)SystemCallError.PartnerGone);
            }
        }

        /// <summary>
        /// A thread is ending (task end, thread exit) and is not on the CPU: it leaves any wait queue, reply rights to its
        /// call go stale, and a caller waiting for its reply gets PartnerGone.
        /// </summary>
        public static void CancelForEndingThread(ThreadControlBlock* thread)
        {
            if (thread->State == ThreadState.Blocked)
            {
                LeaveWaitQueue(thread);
            }
            thread->CallSequence = NextCallSequence();
            DropCaller(thread);
        }

        /// <summary>Takes a blocked thread out of the port or notification queue it waits in (timeout, task end). Other reasons: nothing to do.</summary>
        public static void LeaveWaitQueue(ThreadControlBlock* thread)
        {
            switch (thread->BlockReason)
            {
                case BlockReason.IpcSend:
                    KernelObjects.Ports->LiveAt(thread->IpcWaitObject)->Senders.Remove(thread);
                    break;
                case BlockReason.IpcReceive:
                    KernelObjects.Ports->LiveAt(thread->IpcWaitObject)->Receivers.Remove(thread);
                    break;
                case BlockReason.NotificationWait:
                    KernelObjects.Notifications->LiveAt(thread->IpcWaitObject)->Waiters.Remove(thread);
                    break;
            }
        }

        /// <summary>Destroys a port whose last receive right is gone: its send rights go stale, every waiting thread gets PartnerGone.</summary>
        public static void DestroyPort(KernelObjectReference reference)
        {
            Port* port = KernelObjects.Ports->Find(reference);
            if (port == null)
            {
                return;
            }
            WakeAll(&port->Senders, (long)SystemCallError.PartnerGone);
            WakeAll(&port->Receivers, (long)SystemCallError.PartnerGone);
            Notifications.UnbindPort(port);
            KernelObjects.Ports->Free(new KernelObjectReference(reference.Index, KernelObjects.Ports->CurrentGeneration(reference.Index)));
        }

        /// <summary>Empties a wait queue, readying every thread in it with <paramref name="result"/> (its object is going away or was revoked).</summary>
        public static void WakeAll(IpcWaitQueue* queue, long result)
        {
            ThreadControlBlock* thread;
            while ((thread = queue->TakeFirst()) != null)
            {
                WakeWithResult(thread, result);
            }
        }

        /// <summary>Readies a blocked thread whose wait ended, with the result its system call returns (preemption waits for the system call's end).</summary>
        public static void WakeWithResult(ThreadControlBlock* thread, long result)
        {
            thread->WakeResult = result;
            Scheduler.WakeLater(thread);
        }

        /// <summary>The reply (or an error) reached the caller: its reply rights go stale and it runs again.</summary>
        public static void FinishCall(ThreadControlBlock* caller, long result)
        {
            caller->CallSequence = NextCallSequence();
            WakeWithResult(caller, result);
        }

        /// <summary>The caller's message was taken by <paramref name="callee"/>: the callee now holds the implicit reply right.</summary>
        public static void BeginCall(ThreadControlBlock* caller, ThreadControlBlock* callee)
        {
            caller->CallSequence = NextCallSequence();
            callee->Caller = caller->Id;
            callee->CallerSequence = caller->CallSequence;
        }

        /// <summary>A receive drops an unanswered implicit reply right: its caller gets PartnerGone instead of waiting forever.</summary>
        public static void DropCaller(ThreadControlBlock* thread)
        {
            if (!thread->Caller.IsNone)
            {
                AbortCall(CallerOf(thread));
                thread->Caller = ThreadId.None;
            }
        }

        public static uint NextCallSequence()
        {
            s_lastCallSequence = KernelObjectReference.NextGeneration(s_lastCallSequence);
            return s_lastCallSequence;
        }

        /// <summary>The uptime at which a wait with an IPC timeout (not Poll) ends; ulong.MaxValue for Infinite.</summary>
        public static ulong DeadlineOf(ulong timeout) => timeout == IpcTimeout.Infinite ? ulong.MaxValue : Clock.DeadlineAfter(timeout);
    }
}
