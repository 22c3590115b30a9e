using System;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Ipc;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// The IPC and notification system calls (docs/ARCHITECTURE.md, section 5): decode the registers, check the message
    /// and the capabilities, then hand over to Ipc/IpcOperations.cs or Ipc/Notifications.cs. rdi is the capability
    /// slot, rsi the tag, rdx the timeout, r10/r8/r9/r15 message registers 0-3.
    /// </summary>
    internal static unsafe class IpcCalls
    {
        /// <summary>IpcSend(port or reply capability, tag, timeout) -> 0.</summary>
        public static long Send(SystemCallFrame* frame)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            long error = TakeMessage(frame, out MessageTag tag);
            if (error != 0)
            {
                return error;
            }
            SystemCallError lookup = CapabilitySpace.Read(task, frame->Rdi, out Capability capability);
            if (lookup == SystemCallError.None && capability.Kind == CapabilityKind.Reply)
            {
                lookup = CapabilitySpace.Lookup(task, frame->Rdi, CapabilityKind.Reply, CapabilityRights.Send, out capability);
                if (lookup != SystemCallError.None)
                {
                    return (long)(lookup == SystemCallError.StaleCapability ? SystemCallError.PartnerGone : lookup);
                }
                long result = IpcOperations.ReplyThrough(capability, tag);
                if (result == 0)
                {
                    CapabilitySpace.Delete(task, frame->Rdi); // used up
                }
                return result;
            }
            lookup = CapabilitySpace.Lookup(task, frame->Rdi, CapabilityKind.Port, CapabilityRights.Send, out capability);
            return lookup != SystemCallError.None ? (long)lookup : IpcOperations.SendToPort(capability, tag, false, frame->Rdx);
        }

        /// <summary>IpcCall(port, tag, timeout of the send phase) -> IpcStatus of the reply.</summary>
        public static long Call(SystemCallFrame* frame)
        {
            long error = TakeMessage(frame, out MessageTag tag);
            if (error != 0)
            {
                return error;
            }
            SystemCallError lookup = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, frame->Rdi, CapabilityKind.Port, CapabilityRights.Send, out Capability capability);
            return lookup != SystemCallError.None ? (long)lookup : IpcOperations.SendToPort(capability, tag, true, frame->Rdx);
        }

        /// <summary>IpcReceive(port, -, timeout) -> IpcStatus.</summary>
        public static long Receive(SystemCallFrame* frame)
        {
            SystemCallError lookup = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, frame->Rdi, CapabilityKind.Port, CapabilityRights.Receive, out Capability capability);
            return lookup != SystemCallError.None ? (long)lookup : IpcOperations.ReceiveFromPort(capability, frame->Rdx);
        }

        /// <summary>IpcReply(-, tag) -> 0.</summary>
        public static long Reply(SystemCallFrame* frame)
        {
            long error = TakeMessage(frame, out MessageTag tag);
            return error != 0 ? error : IpcOperations.ReplyToCaller(tag);
        }

        /// <summary>IpcReplyWait(port, tag, timeout) -> IpcStatus of the next message. With no caller waiting it only receives.</summary>
        public static long ReplyWait(SystemCallFrame* frame)
        {
            SystemCallError lookup = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, frame->Rdi, CapabilityKind.Port, CapabilityRights.Receive, out Capability capability);
            if (lookup != SystemCallError.None)
            {
                return (long)lookup;
            }
            ThreadControlBlock* current = Scheduler.Current;
            if (IpcOperations.CallerOf(current) != null)
            {
                long error = TakeMessage(frame, out MessageTag tag);
                if (error == 0)
                {
                    error = IpcOperations.ReplyToCaller(tag);
                }
                if (error != 0)
                {
                    return error;
                }
            }
            return IpcOperations.ReceiveFromPort(capability, frame->Rdx);
        }

        /// <summary>IpcSaveReply(destination slot or 0) -> slot of the Reply capability.</summary>
        public static long SaveReply(ulong destinationSlot) => IpcOperations.SaveReply(destinationSlot);

        /// <summary>NotificationSignal(notification, bits) -> 0. A badged capability signals its badge, an unbadged one the bits.</summary>
        public static long Signal(ulong slot, ulong bits)
        {
            SystemCallError lookup = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, slot, CapabilityKind.Notification, CapabilityRights.Send, out Capability capability);
            if (lookup != SystemCallError.None)
            {
                return (long)lookup;
            }
            ulong value = Notifications.SignalledBits(capability, bits);
            if (value == 0)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            Notifications.Signal(capability.Object, value);
            return 0;
        }

        /// <summary>NotificationWait(notification, -, timeout) -> 1 with the bits in rdi.</summary>
        public static long Wait(ulong slot, ulong timeout)
        {
            SystemCallError lookup = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, slot, CapabilityKind.Notification, CapabilityRights.Receive, out Capability capability);
            return lookup != SystemCallError.None ? (long)lookup : Notifications.Wait(capability, timeout);
        }

        /// <summary>NotificationBind(notification, port or 0) -> 0.</summary>
        public static long Bind(ulong notificationSlot, ulong portSlot)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError lookup = CapabilitySpace.Lookup(task, notificationSlot, CapabilityKind.Notification, CapabilityRights.Receive, out Capability notification);
            if (lookup != SystemCallError.None)
            {
                return (long)lookup;
            }
            Capability port = Capability.Empty;
            if (portSlot != 0)
            {
                lookup = CapabilitySpace.Lookup(task, portSlot, CapabilityKind.Port, CapabilityRights.Receive, out port);
                if (lookup != SystemCallError.None)
                {
                    return (long)lookup;
                }
            }
            Notifications.Bind(notification, port);
            return 0;
        }

        /// <summary>ThreadSetExceptionPort(thread or 0, port with Send or 0) -> 0.</summary>
        public static long SetExceptionPort(ulong threadId, ulong portSlot)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            ThreadControlBlock* thread = threadId == 0 ? Scheduler.Current : ThreadTable.Find(new ThreadId(threadId));
            if (thread == null || thread->TaskSlot < 0)
            {
                return (long)SystemCallError.NoSuchThread;
            }
            if (!SystemCallDispatcher.MayControl(task, TaskTable.At(thread->TaskSlot)))
            {
                return (long)SystemCallError.PermissionDenied;
            }
            Capability port = Capability.Empty;
            if (portSlot != 0)
            {
                SystemCallError lookup = CapabilitySpace.Lookup(task, portSlot, CapabilityKind.Port, CapabilityRights.Send, out port);
                if (lookup != SystemCallError.None)
                {
                    return (long)lookup;
                }
            }
            thread->ExceptionPort = port;
            return 0;
        }

        /// <summary>
        /// Decodes the tag in rsi and puts message registers 0-3 from r10, r8, r9, r15 into the caller's UTCB, so the whole
        /// message is there; then checks the typed items. Returns 0 or the error (MalformedMessage with the MessageError in rdi).
        /// </summary>
        private static long TakeMessage(SystemCallFrame* frame, out MessageTag tag)
        {
            MessageError error = MessageTag.TryDecode(frame->Rsi, out tag);
            if (error != MessageError.None)
            {
                frame->Rdi = (ulong)error;
                return (long)SystemCallError.MalformedMessage;
            }
            Utcb* utcb = MessageTransfer.UtcbOf(Scheduler.Current);
            utcb->MessageRegisters[0] = frame->R10;
            utcb->MessageRegisters[1] = frame->R8;
            utcb->MessageRegisters[2] = frame->R9;
            utcb->MessageRegisters[3] = frame->R15;
            if (tag.TypedCount == 0)
            {
                return 0;
            }
            MessageCheck check = MessageLayout.Validate(tag, new ReadOnlySpan<ulong>(utcb->MessageRegisters, Utcb.MessageRegisterCount));
            if (!check.IsValid)
            {
                frame->Rdi = (ulong)check.Error;
                return (long)SystemCallError.MalformedMessage;
            }
            return 0;
        }
    }
}
