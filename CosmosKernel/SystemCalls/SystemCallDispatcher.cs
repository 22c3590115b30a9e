using System.Runtime;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using Internal.Runtime;
using CosmosKernel.Scheduling;
using CosmosKernel.Tasks;
using CosmosKernel.Time;

namespace CosmosKernel.SystemCalls
{
    /// <summary>
    /// Where system_call_entry.asm lands: decodes the call number and hands the arguments (rdi, rsi, rdx,
    /// r10, r8, r9) to the handler; a negative result is a <see cref="SystemCallError"/>. Unknown numbers get
    /// UnknownCall. docs/ARCHITECTURE.md lists every call.
    /// </summary>
    internal static unsafe class SystemCallDispatcher
    {
        [RuntimeExport("kernel_system_call")]
        private static void Dispatch(SystemCallFrame* frame)
        {
            SystemCallNumber number = (SystemCallNumber)frame->Rax;
            Scheduler.Current->LastUserEntry = UserEntry.SystemCall;
            if (number == SystemCallNumber.Null)
            {
                frame->Rax = 0;
                return;
            }
            if (number == SystemCallNumber.Yield)
            {
                frame->Rax = 0;
                Scheduler.Yield(); // ahead of the jump table: one page less to touch on the thread-switch path
                return;
            }
            if ((number == SystemCallNumber.IpcCall && Ipc.IpcFastPath.TryCall(frame))
                || (number == SystemCallNumber.IpcReplyWait && Ipc.IpcFastPath.TryReplyWait(frame)))
            {
                return;
            }
            frame->Rax = (ulong)Handle(number, frame);
            Scheduler.PreemptIfPending();
        }

        private static long Handle(SystemCallNumber number, SystemCallFrame* frame)
        {
            ulong argument1 = frame->Rdi;
            ulong argument2 = frame->Rsi;
            ulong argument3 = frame->Rdx;
            ulong argument4 = frame->R10;
            switch (number)
            {
                case SystemCallNumber.DebugWrite: return InformationCalls.DebugWrite(argument1, argument2);
                case SystemCallNumber.ThreadCreate: return ThreadCalls.Create(argument1, argument2);
                case SystemCallNumber.ThreadStart: return ThreadCalls.Start(argument1, argument2, argument3, argument4);
                case SystemCallNumber.ThreadExit: TaskLifecycle.ExitCurrentThread((long)argument1); return 0;
                case SystemCallNumber.Yield: Scheduler.Yield(); return 0;
                case SystemCallNumber.Sleep: return ThreadCalls.Sleep(argument1);
                case SystemCallNumber.TaskCreate: return TaskCalls.Create(argument1, argument2, argument3, argument4, frame->R8, frame->R9, &frame->Rdx);
                case SystemCallNumber.TaskExit: TaskCalls.ExitCurrent((long)argument1); return 0;
                case SystemCallNumber.ThreadInformation: return InformationCalls.Thread(argument1, argument2);
                case SystemCallNumber.TaskInformation: return InformationCalls.Task(argument1, argument2);
                case SystemCallNumber.KernelInformationPage: return (long)UserLayout.KernelInformationAddress;
                case SystemCallNumber.MemoryWrite: return MemoryCalls.Write(argument1, argument2, argument3, argument4);
                case SystemCallNumber.Uptime: return (long)Clock.UptimeNanoseconds;
                case SystemCallNumber.ThreadSelf:
                    frame->Rdx = Scheduler.Current->Task.Value;
                    return (long)Scheduler.Current->Id.Value;
                case SystemCallNumber.TaskKill: return TaskCalls.Kill(argument1);
                case SystemCallNumber.TaskWait: return TaskCalls.Wait(argument1, argument2, &frame->Rdx);
                case SystemCallNumber.MemoryInformation: return MemoryCalls.Information(&frame->Rdx);
                case SystemCallNumber.ThreadsSuspend: return ThreadCalls.SuspendOthers(argument1, argument2);
                case SystemCallNumber.ThreadsResume: return ThreadCalls.ResumeOthers();
                case SystemCallNumber.TaskSetFaultHandler: return TaskCalls.SetFaultHandler(argument1);
                case SystemCallNumber.KernelHeapInformation:
                    frame->Rdx = ManagedHeap.AllocationCount;
                    return (long)ManagedHeap.BytesInUse;
                case SystemCallNumber.PortCreate: return CapabilityCalls.CreatePort();
                case SystemCallNumber.NotificationCreate: return CapabilityCalls.CreateNotification();
                case SystemCallNumber.CapabilityCopy: return CapabilityCalls.Copy(argument1, argument2, argument3, argument4);
                case SystemCallNumber.CapabilityMove: return CapabilityCalls.Move(argument1, argument2);
                case SystemCallNumber.CapabilityDelete: return CapabilityCalls.Delete(argument1);
                case SystemCallNumber.CapabilityRevoke: return CapabilityCalls.Revoke(argument1);
                case SystemCallNumber.CapabilityInformation: return CapabilityCalls.Information(argument1, &frame->Rdx);
                case SystemCallNumber.CapabilityGive: return CapabilityCalls.Give(argument1, argument2, argument3, argument4, frame->R8);
                case SystemCallNumber.IpcSend: return IpcCalls.Send(frame);
                case SystemCallNumber.IpcReceive: return IpcCalls.Receive(frame);
                case SystemCallNumber.IpcCall: return IpcCalls.Call(frame);
                case SystemCallNumber.IpcReply: return IpcCalls.Reply(frame);
                case SystemCallNumber.IpcReplyWait: return IpcCalls.ReplyWait(frame);
                case SystemCallNumber.IpcSaveReply: return IpcCalls.SaveReply(argument1);
                case SystemCallNumber.NotificationSignal: return IpcCalls.Signal(argument1, argument2);
                case SystemCallNumber.NotificationWait: return IpcCalls.Wait(argument1, argument3);
                case SystemCallNumber.NotificationBind: return IpcCalls.Bind(argument1, argument2);
                case SystemCallNumber.ThreadSetExceptionPort: return IpcCalls.SetExceptionPort(argument1, argument2);
                case SystemCallNumber.InterruptBind: return HardwareCalls.Bind(argument1, argument2, argument3);
                case SystemCallNumber.InterruptAcknowledge: return HardwareCalls.Acknowledge(argument1);
                case SystemCallNumber.IoPortRangeDerive: return HardwareCalls.Derive(argument1, argument2, argument3);
                case SystemCallNumber.IoPortsEnable: return HardwareCalls.Enable(argument1);
                case SystemCallNumber.MemoryMap: return AddressSpaceCalls.Map(argument1, argument2, argument3, argument4);
                case SystemCallNumber.MemoryUnmap: return AddressSpaceCalls.Unmap(argument1, argument2);
                case SystemCallNumber.TaskSetPager: return AddressSpaceCalls.SetPager(argument1, argument2);
                case SystemCallNumber.TaskSetMemoryQuota: return AddressSpaceCalls.SetQuota(argument1, argument2, argument3);
                case SystemCallNumber.TaskMemoryInformation: return AddressSpaceCalls.Information(argument1, argument2);
                case SystemCallNumber.PhysicalMemoryRanges: return AddressSpaceCalls.PhysicalRanges(argument1, argument2);
                case SystemCallNumber.MemoryMappingInformation: return AddressSpaceCalls.MappingInformation(argument1, &frame->Rdx);
                case SystemCallNumber.SystemPower: return PowerCalls.SystemPower(argument1, argument2);
                default: return (long)SystemCallError.UnknownCall;
            }
        }

        /// <summary>The running thread's task.</summary>
        public static TaskControlBlock* CurrentTask => TaskTable.At(Scheduler.Current->TaskSlot);

        /// <summary>True when <paramref name="actor"/> is <paramref name="target"/> or holds a Task capability with Control naming it.</summary>
        public static bool MayControl(TaskControlBlock* actor, TaskControlBlock* target) => actor == target || Ipc.CapabilitySpace.HoldsTaskCapability(actor, target);

        /// <summary>
        /// The task named by <paramref name="id"/> (0 = the caller's own) if the caller may control it. Sets
        /// <paramref name="error"/> to NoSuchTask for stale or malformed ids and PermissionDenied otherwise.
        /// </summary>
        public static TaskControlBlock* ControlledTask(ulong id, out SystemCallError error)
        {
            TaskControlBlock* caller = CurrentTask;
            TaskControlBlock* task = id == 0 ? caller : TaskTable.Find(new TaskId(id));
            if (task == null)
            {
                error = SystemCallError.NoSuchTask;
                return null;
            }
            if (!MayControl(caller, task))
            {
                error = SystemCallError.PermissionDenied;
                return null;
            }
            error = SystemCallError.None;
            return task;
        }
    }
}
