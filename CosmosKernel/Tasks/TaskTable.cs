using System.Runtime.InteropServices;
using Internal.Runtime;

namespace CosmosKernel.Tasks
{
    /// <summary>
    /// The task control blocks, one array allocated at boot, each slot with its version so stale task ids
    /// are refused. (Which task may act on which is decided by Task capabilities: SystemCallDispatcher.MayControl.)
    /// </summary>
    internal static unsafe class TaskTable
    {
        public const int Capacity = 256;

        private static TaskControlBlock* s_tasks;
        private static uint* s_versions;
        private static TaskId s_root;
        private static byte* s_capabilityStorage;

        public static void Initialize()
        {
            s_tasks = (TaskControlBlock*)ManagedHeap.AllocateRaw((nuint)(Capacity * sizeof(TaskControlBlock)));
            s_versions = (uint*)ManagedHeap.AllocateRaw((nuint)(Capacity * sizeof(uint)));
            NativeMemory.Clear(s_tasks, (nuint)(Capacity * sizeof(TaskControlBlock)));
            s_capabilityStorage = (byte*)ManagedHeap.AllocateRaw((nuint)Capacity * (nuint)Capabilities.CapabilityTable.StorageBytes);
            for (int i = 0; i < Capacity; i++)
            {
                s_versions[i] = 1;
            }
        }

        public static TaskId Root => s_root;

        public static void SetRoot(TaskId root) => s_root = root;

        /// <summary>Takes the lowest free slot; returns its control block (zeroed, with its new id) or null when full.</summary>
        public static TaskControlBlock* Allocate()
        {
            for (int slot = 0; slot < Capacity; slot++)
            {
                TaskControlBlock* task = s_tasks + slot;
                if (task->Life == TaskLife.Free)
                {
                    NativeMemory.Clear(task, (nuint)sizeof(TaskControlBlock));
                    task->Id = TaskId.Create(slot, s_versions[slot]);
                    task->FirstThread = -1;
                    task->Capabilities.Initialize((Capabilities.Capability*)(s_capabilityStorage + (nuint)slot * (nuint)Capabilities.CapabilityTable.StorageBytes));
                    return task;
                }
            }
            return null;
        }

        /// <summary>Frees an ended task's slot; its id goes stale.</summary>
        public static void Release(TaskControlBlock* task)
        {
            if (task->Life != TaskLife.Free)
            {
                Ipc.InitialCapabilities.ForgetEndedTask(task);
            }
            int slot = task->Id.Slot;
            s_versions[slot] = TaskId.NextVersion(s_versions[slot]);
            task->Life = TaskLife.Free;
            task->Id = TaskId.None;
        }

        /// <summary>The task named by <paramref name="id"/> in any state but Free, or null when the id is stale or malformed.</summary>
        public static TaskControlBlock* Find(TaskId id)
        {
            if (id.IsNone || id.IsMalformed || (uint)id.Slot >= Capacity)
            {
                return null;
            }
            TaskControlBlock* task = s_tasks + id.Slot;
            return task->Life != TaskLife.Free && task->Id == id ? task : null;
        }

        /// <summary>The task in <paramref name="slot"/> (check Life), or null for a slot out of range.</summary>
        public static TaskControlBlock* At(int slot) => (uint)slot < Capacity ? s_tasks + slot : null;
    }
}
