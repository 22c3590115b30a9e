using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Interrupts;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The capabilities tasks start with. The root task gets every privileged one at boot (WellKnownSlots): the debug
    /// console, itself, all I/O ports and the 16 legacy interrupt lines. Every other task inherits its creator's name
    /// broker and debug console slots, and its creator gets a Task capability naming it.
    /// </summary>
    internal static unsafe class InitialCapabilities
    {
        private const CapabilityRights ControlAndGrant = CapabilityRights.Control | CapabilityRights.Grant;

        public static SystemCallError GiveToRootTask(TaskControlBlock* root)
        {
            SystemCallError error = CapabilitySpace.Insert(root, WellKnownSlots.DebugConsole,
                new Capability(CapabilityKind.DebugConsole, CapabilityRights.Send | CapabilityRights.Grant, new KernelObjectReference(0, 1)), out _);
            if (error == SystemCallError.None)
            {
                error = CapabilitySpace.Insert(root, WellKnownSlots.RootSelf, TaskCapability(root), out _);
            }
            if (error == SystemCallError.None)
            {
                error = CapabilitySpace.Insert(root, WellKnownSlots.RootAllIoPorts, IoPortPermissions.CapabilityForAllPorts(), out _); // the encoding lives in Interrupts/
            }
            for (uint line = 0; line < WellKnownSlots.InterruptLineCount && error == SystemCallError.None; line++)
            {
                error = CapabilitySpace.Insert(root, WellKnownSlots.RootFirstInterruptLine + line, InterruptLines.CapabilityFor((int)line), out _);
            }
            return error;
        }

        /// <summary>
        /// Sigma0's two ports, made by the kernel: sigma0 holds their receive rights (WellKnownSlots.Sigma0MemoryPort and
        /// Sigma0DevicePort) and the debug console; the root task holds unbadged send rights (RootSigma0Memory,
        /// RootSigma0Device), and the memory port is the root task's pager (badge 0).
        /// </summary>
        public static SystemCallError ConnectSigma0(TaskControlBlock* sigma0, TaskControlBlock* root)
        {
            SystemCallError error = CapabilitySpace.Insert(sigma0, WellKnownSlots.DebugConsole,
                new Capability(CapabilityKind.DebugConsole, CapabilityRights.Send, new KernelObjectReference(0, 1)), out _);
            if (error == SystemCallError.None)
            {
                error = MakeSigma0Port(sigma0, WellKnownSlots.Sigma0MemoryPort, root, WellKnownSlots.RootSigma0Memory);
            }
            if (error == SystemCallError.None)
            {
                error = MakeSigma0Port(sigma0, WellKnownSlots.Sigma0DevicePort, root, WellKnownSlots.RootSigma0Device);
            }
            if (error == SystemCallError.None)
            {
                error = CapabilitySpace.Read(root, WellKnownSlots.RootSigma0Memory, out root->Pager);
            }
            return error;
        }

        private static SystemCallError MakeSigma0Port(TaskControlBlock* sigma0, uint receiveSlot, TaskControlBlock* root, uint sendSlot)
        {
            Port* port = KernelObjects.Ports->Allocate(out KernelObjectReference reference);
            if (port == null)
            {
                return SystemCallError.LimitReached;
            }
            SystemCallError error = CapabilitySpace.Insert(sigma0, receiveSlot, new Capability(CapabilityKind.Port, CapabilityRights.Receive | CapabilityRights.Send, reference), out _);
            return error != SystemCallError.None ? error
                : CapabilitySpace.Insert(root, sendSlot, new Capability(CapabilityKind.Port, CapabilityRights.Send | CapabilityRights.Grant, reference), out _);
        }

        /// <summary>A Task capability with Control and Grant naming <paramref name="task"/>.</summary>
        public static Capability TaskCapability(TaskControlBlock* task) =>
            new Capability(CapabilityKind.Task, ControlAndGrant, new KernelObjectReference((uint)task->Id.Slot, task->Id.Version));

        /// <summary>
        /// A new task's start: copies of its creator's name-broker and debug-console slots (when the creator holds them with
        /// Grant), with <paramref name="mayCreateTasks"/> a Task capability (Control) naming itself in WellKnownSlots.OwnTask,
        /// and a Task capability naming it in the creator's table (its lowest free slot).
        /// </summary>
        public static SystemCallError GiveToNewTask(TaskControlBlock* creator, TaskControlBlock* task, bool mayCreateTasks)
        {
            SystemCallError error = CapabilitySpace.Insert(creator, 0, TaskCapability(task), out _);
            if (error != SystemCallError.None)
            {
                return error;
            }
            Inherit(creator, task, WellKnownSlots.NameBroker);
            Inherit(creator, task, WellKnownSlots.DebugConsole);
            if (mayCreateTasks)
            {
                // Control only: the task may create tasks and act on itself, but cannot pass the right on.
                Capability own = new Capability(CapabilityKind.Task, CapabilityRights.Control, TaskCapability(task).Object);
                return CapabilitySpace.Insert(task, WellKnownSlots.OwnTask, own, out _);
            }
            return SystemCallError.None;
        }

        /// <summary>
        /// A task's slot is being released (its exit code was collected): the Task capabilities naming it in its creator's
        /// table, stale since it ended, are deleted so a long-lived creator (the root task, a shell) does not fill its table.
        /// </summary>
        public static void ForgetEndedTask(TaskControlBlock* task)
        {
            TaskControlBlock* creator = TaskTable.Find(task->Parent);
            if (creator == null || creator->Life != TaskLife.Alive)
            {
                return;
            }
            for (uint slot = 1; slot < CapabilityTable.Capacity; slot++)
            {
                if (CapabilitySpace.Read(creator, slot, out Capability capability) == SystemCallError.None && CapabilitySpace.NamesTask(capability, task))
                {
                    CapabilitySpace.Delete(creator, slot);
                }
            }
        }

        private static void Inherit(TaskControlBlock* creator, TaskControlBlock* task, uint slot)
        {
            if (CapabilitySpace.Read(creator, slot, out Capability capability) == SystemCallError.None
                && (capability.Rights & CapabilityRights.Grant) != 0 && CapabilitySpace.IsLive(capability))
            {
                CapabilitySpace.Transfer(creator, slot, task, slot, capability.Rights, 0, false, out _);
            }
        }
    }
}
