using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Interrupts;
using CosmosKernel.Ipc;
using CosmosKernel.Tasks;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// Hardware by capability: InterruptBind, InterruptAcknowledge, IoPortRangeDerive and IoPortsEnable. Each call
    /// looks up and checks every capability and argument first, then performs an operation that cannot fail.
    /// </summary>
    internal static unsafe class HardwareCalls
    {
        /// <summary>
        /// InterruptBind(line (InterruptLine, Control), notification (Notification, Send), bits) -> 0. The line's
        /// interrupts signal the notification with its capability's badge if it has one, else with
        /// <paramref name="bits"/> (then non-zero); an earlier binding of the line is replaced; the line is unmasked.
        /// InvalidArgument for the cascade line 2 or zero bits.
        /// </summary>
        public static long Bind(ulong lineSlot, ulong notificationSlot, ulong bits)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = CapabilitySpace.Lookup(task, lineSlot, CapabilityKind.InterruptLine, CapabilityRights.Control, out Capability line);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            if (!InterruptLines.IsBindable(line.Object.Index))
            {
                return (long)SystemCallError.InvalidArgument;
            }
            error = CapabilitySpace.Lookup(task, notificationSlot, CapabilityKind.Notification, CapabilityRights.Send, out Capability notification);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            ulong signalled = Notifications.SignalledBits(notification, bits);
            if (signalled == 0)
            {
                return (long)SystemCallError.InvalidArgument;
            }
            InterruptLines.Bind((int)line.Object.Index, notification.Object, signalled);
            return 0;
        }

        /// <summary>
        /// InterruptAcknowledge(line (InterruptLine, Control)) -> 0: the line, masked by the kernel when it fired, is
        /// unmasked (also when it had not fired: then nothing changes). WrongState when the line is not bound.
        /// </summary>
        public static long Acknowledge(ulong lineSlot)
        {
            SystemCallError error = CapabilitySpace.Lookup(SystemCallDispatcher.CurrentTask, lineSlot, CapabilityKind.InterruptLine, CapabilityRights.Control, out Capability line);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            int lineNumber = (int)line.Object.Index;
            if (!InterruptLines.IsBindable(line.Object.Index) || !InterruptLines.IsBound(lineNumber))
            {
                return (long)SystemCallError.WrongState;
            }
            InterruptLines.Acknowledge(lineNumber);
            return 0;
        }

        /// <summary>
        /// IoPortRangeDerive(range (IoPortRange, Control), first port, count) -> the slot of a new IoPortRange capability
        /// for [first, first + count) with the source's rights, in the caller's table. InvalidArgument when the new
        /// range is empty or not inside the source's.
        /// </summary>
        public static long Derive(ulong rangeSlot, ulong first, ulong count)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = CapabilitySpace.Lookup(task, rangeSlot, CapabilityKind.IoPortRange, CapabilityRights.Control, out Capability source);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            if (!IoPortRange.TryFromObjectIndex(source.Object.Index, out IoPortRange sourceRange)
                || !IoPortRange.TryCreate(first, count, out IoPortRange range)
                || !sourceRange.Contains(range))
            {
                return (long)SystemCallError.InvalidArgument;
            }
            Capability derived = IoPortPermissions.CapabilityForRange(range).WithRights(source.Rights);
            error = CapabilitySpace.Insert(task, 0, derived, out uint slot);
            return error != SystemCallError.None ? (long)error : slot;
        }

        /// <summary>
        /// IoPortsEnable(range (IoPortRange, Control)) -> 0: from now on the caller's task may execute in and out on the
        /// range's ports. LimitReached when the task already has 8 ranges enabled (a range inside one of them adds none).
        /// </summary>
        public static long Enable(ulong rangeSlot)
        {
            TaskControlBlock* task = SystemCallDispatcher.CurrentTask;
            SystemCallError error = CapabilitySpace.Lookup(task, rangeSlot, CapabilityKind.IoPortRange, CapabilityRights.Control, out Capability capability);
            if (error != SystemCallError.None)
            {
                return (long)error;
            }
            if (!IoPortRange.TryFromObjectIndex(capability.Object.Index, out IoPortRange range))
            {
                return (long)SystemCallError.InvalidArgument;
            }
            return (long)IoPortPermissions.Enable(task, range);
        }
    }
}
