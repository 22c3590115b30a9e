using System.Runtime.CompilerServices;
using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Tasks;

namespace CosmosKernel.Interrupts
{
    /// <summary>
    /// I/O ports by capability. A task enables a range it holds an IoPortRange capability for (IoPortsEnable); the
    /// range is kept in its TaskControlBlock (<see cref="IoPortGrants"/>, at most 8). There is one I/O permission
    /// bitmap, in the TSS, all ones (every port denied) except for the ranges of the one task it is "open" for: the
    /// scheduler calls <see cref="FollowRunningTask"/> on every switch to a ring-3 thread, which sets the bits of the
    /// previous task's ranges and clears those of the next task's, so the cost is proportional to the ranges, and
    /// nothing is done (two compares on statics) when neither task uses ports. The idle thread never runs ring-3 code, so switching to it
    /// leaves the bitmap as it is. Invariant: while a ring-3 thread of task T runs, the bitmap is open for T or for
    /// nobody. IOPL stays 0, so cli, sti and ports outside the bitmap's clear bits raise #GP in ring 3.
    /// </summary>
    internal static unsafe class IoPortPermissions
    {
        /// <summary>The rights the kernel gives with a range: Control (enable, derive) and Grant (pass it on).</summary>
        public const CapabilityRights Rights = CapabilityRights.Control | CapabilityRights.Grant;

        private struct TaskSlotSet
        {
            public fixed ulong Words[TaskTable.Capacity / 64];
        }

        // Task-table slots of the tasks that enabled ranges: the switch test reads this, not the task's own block, so a
        // switch between tasks without ports touches no memory beyond these statics.
        private static TaskSlotSet s_slotsWithPorts;

        // 1 + the slot of the task whose ranges are clear in the TSS bitmap; 0: none, every port is denied.
        private static int s_openSlotPlusOne;

        /// <summary>The capability naming <paramref name="range"/> (object index: first port | (count - 1) &lt;&lt; 16, generation 1).</summary>
        public static Capability CapabilityForRange(IoPortRange range) =>
            new Capability(CapabilityKind.IoPortRange, Rights, new KernelObjectReference(range.ObjectIndex, 1));

        /// <summary>The root task's capability for every port (WellKnownSlots.RootAllIoPorts).</summary>
        public static Capability CapabilityForAllPorts() => CapabilityForRange(IoPortRange.All);

        /// <summary>True when <paramref name="index"/> encodes a range within the 65536 ports (the generation check of IoPortRange capabilities: 1 if so, else 0).</summary>
        public static bool IsValidObjectIndex(uint index) => IoPortRange.TryFromObjectIndex(index, out _);

        /// <summary>
        /// Makes the TSS bitmap follow the task (in table slot <paramref name="taskSlot"/>) of the ring-3 thread about to
        /// run (Scheduler.SwitchTo, interrupts off). Inlined test: nothing to do unless the bitmap is open for another
        /// task or the next task has ranges.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void FollowRunningTask(int taskSlot)
        {
            if (taskSlot + 1 != s_openSlotPlusOne && (s_openSlotPlusOne != 0 || HasPorts(taskSlot)))
            {
                OpenFor(taskSlot);
            }
        }

        /// <summary>
        /// IoPortsEnable for the running task <paramref name="task"/>: adds <paramref name="range"/> to its ranges and
        /// opens it in the bitmap at once. None when it was already covered; LimitReached (nothing changed) when the task
        /// holds <see cref="IoPortGrants.Capacity"/> ranges.
        /// </summary>
        public static SystemCallError Enable(TaskControlBlock* task, IoPortRange range)
        {
            if (task->IoPorts.Covers(range))
            {
                return SystemCallError.None;
            }
            if (!task->IoPorts.TryAdd(range))
            {
                return SystemCallError.LimitReached;
            }
            int slot = task->Id.Slot;
            SetHasPorts(slot, true);
            if (s_openSlotPlusOne == slot + 1)
            {
                IoPermissionBitmap.Allow(TaskStateSegment.IoPermissionBitmap, range);
            }
            else
            {
                OpenFor(slot);
            }
            return SystemCallError.None;
        }

        /// <summary>The task ended (TaskLifecycle): its ranges are denied again if open, and forgotten. Interrupts off.</summary>
        public static void Release(TaskControlBlock* task)
        {
            int slot = task->Id.Slot;
            if (s_openSlotPlusOne == slot + 1)
            {
                CloseOpenTask();
            }
            task->IoPorts.Clear();
            SetHasPorts(slot, false);
        }

        // Denies the open task's ranges, then allows those of the task in `slot` (if it has any).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void OpenFor(int slot)
        {
            CloseOpenTask();
            TaskControlBlock* task = TaskTable.At(slot);
            if (task == null || task->IoPorts.IsEmpty)
            {
                return;
            }
            byte* bitmap = TaskStateSegment.IoPermissionBitmap;
            for (int i = 0; i < task->IoPorts.Count; i++)
            {
                IoPermissionBitmap.Allow(bitmap, task->IoPorts[i]);
            }
            s_openSlotPlusOne = slot + 1;
        }

        private static void CloseOpenTask()
        {
            if (s_openSlotPlusOne == 0)
            {
                return;
            }
            TaskControlBlock* open = TaskTable.At(s_openSlotPlusOne - 1);
            byte* bitmap = TaskStateSegment.IoPermissionBitmap;
            for (int i = 0; i < open->IoPorts.Count; i++)
            {
                IoPermissionBitmap.Deny(bitmap, open->IoPorts[i]);
            }
            s_openSlotPlusOne = 0;
        }

        private static bool HasPorts(int slot)
        {
            fixed (TaskSlotSet* set = &s_slotsWithPorts)
            {
                return (set->Words[slot >> 6] & (1UL << (slot & 63))) != 0;
            }
        }

        private static void SetHasPorts(int slot, bool hasPorts)
        {
            fixed (TaskSlotSet* set = &s_slotsWithPorts)
            {
                if (hasPorts)
                {
                    set->Words[slot >> 6] |= 1UL << (slot & 63);
                }
                else
                {
                    set->Words[slot >> 6] &= ~(1UL << (slot & 63));
                }
            }
        }
    }
}
