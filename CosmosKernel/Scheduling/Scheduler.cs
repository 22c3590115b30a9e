using Cosmos.Api;
using CosmosKernel.Diagnostics;
using CosmosKernel.Interrupts;
using CosmosKernel.Memory;
using CosmosKernel.Platform;
using CosmosKernel.Tasks;
using CosmosKernel.Time;

namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// Fixed-priority preemptive round-robin scheduling on one CPU: the highest-priority ready thread runs;
    /// threads of equal priority take turns in time slices of <see cref="TimeSliceTicks"/> timer ticks. A woken
    /// thread of higher priority preempts at once. When nothing is ready the idle thread (the boot context)
    /// halts. The kernel runs with interrupts off, so nothing here needs a lock.
    ///
    /// Every switch goes through <see cref="SwitchTo"/>: CPU time accounting, the TSS's rsp0 (also the system-call
    /// entry's stack), CR3 (only when the address space changes), the FS base (the UTCB), then the stack switch. A
    /// thread that died while running is freed by the next thread, once nobody runs on its stack.
    /// </summary>
    internal static unsafe class Scheduler
    {
        public const ulong TicksPerSecond = 1000;
        public const int TimeSliceTicks = 10;
        public const byte IdlePriority = 0;
        private const uint FsBaseMsr = 0xC0000100;

        private static RunQueue s_ready; // in static storage: zeroed is empty
        private static SleepQueue s_sleepers;
        private static ThreadControlBlock* s_current;
        private static ThreadControlBlock* s_idle;
        private static ThreadControlBlock* s_dying;
        private static ulong s_lastSwitchTimestamp;
        private static ulong s_loadedRoot;
        private static ulong s_loadedFsBase;
        private static ulong s_ticks;
        private static ulong s_switches;
        private static bool s_preemptionPending;

        public static ThreadControlBlock* Current => s_current;

        public static ThreadControlBlock* Idle => s_idle;

        public static ulong Ticks => s_ticks;

        public static ulong Switches => s_switches;

        /// <summary>Sets up the queues and makes the running boot context the idle thread. Precondition: the heap and ThreadTable work.</summary>
        public static void Initialize()
        {
            s_sleepers = new SleepQueue(ThreadTable.Capacity);
            s_idle = (ThreadControlBlock*)Internal.Runtime.ManagedHeap.AllocateRaw((nuint)sizeof(ThreadControlBlock));
            System.Runtime.InteropServices.NativeMemory.Clear(s_idle, (nuint)sizeof(ThreadControlBlock));
            s_idle->Id = ThreadTable.Add(s_idle);
            s_idle->TaskSlot = -1;
            s_idle->Priority = IdlePriority;
            s_idle->State = ThreadState.Running;
            s_idle->NextInTask = -1;
            s_idle->PreviousInTask = -1;
            s_current = s_idle;
            s_loadedRoot = Native.ReadCr3();
            s_lastSwitchTimestamp = Clock.ReadTimestamp();
        }

        /// <summary>Runs the ready threads; the boot context continues as the idle thread and never returns.</summary>
        public static void RunIdle()
        {
            Reschedule();
            Native.IdleForever();
        }

        /// <summary>Makes a blocked or new thread ready; it preempts the running thread if its priority is higher.</summary>
        public static void Wake(ThreadControlBlock* thread)
        {
            LeaveSleepQueue(thread);
            if (MakeReady(thread) && thread->Priority > s_current->Priority)
            {
                Preempt();
            }
        }

        /// <summary>
        /// Makes a blocked thread ready without switching now, even if it outranks the running thread: used while kernel
        /// data structures are half-way through a change (IPC queues). The switch happens at <see cref="PreemptIfPending"/>,
        /// which the system-call and interrupt exits call.
        /// </summary>
        public static void WakeLater(ThreadControlBlock* thread)
        {
            LeaveSleepQueue(thread);
            if (MakeReady(thread) && thread->Priority > s_current->Priority)
            {
                s_preemptionPending = true;
            }
        }

        /// <summary>Switches to a thread <see cref="WakeLater"/> readied that outranks the running one.</summary>
        public static void PreemptIfPending()
        {
            if (s_preemptionPending)
            {
                s_preemptionPending = false;
                if (s_ready.HighestPriority() > s_current->Priority)
                {
                    Preempt();
                }
            }
        }

        /// <summary>The priority of the best ready thread, or -1 when none is ready.</summary>
        public static int HighestReadyPriority => s_ready.HighestPriority();

        /// <summary>
        /// The IPC fast path's direct switch: the running thread blocks for <paramref name="reason"/> and the blocked thread
        /// <paramref name="next"/> (its partner, which outranks every ready thread) runs at once, without passing through the
        /// run queue, and inherits the rest of the time slice. Returns when the running thread is woken again.
        /// </summary>
        public static void BlockAndSwitchTo(BlockReason reason, ulong deadline, ThreadControlBlock* next)
        {
            ThreadControlBlock* current = s_current;
            current->State = ThreadState.Blocked;
            WaitFor(current, reason, deadline);
            LeaveSleepQueue(next);
            next->BlockReason = BlockReason.None;
            next->TimeSliceTicks = current->TimeSliceTicks;
            SwitchTo(next);
        }

        /// <summary>A blocked thread keeps waiting, now for <paramref name="reason"/> until <paramref name="deadline"/> (e.g. a caller whose message was taken now waits for the reply).</summary>
        public static void ChangeBlockReason(ThreadControlBlock* thread, BlockReason reason, ulong deadline)
        {
            LeaveSleepQueue(thread);
            WaitFor(thread, reason, deadline);
        }

        /// <summary>
        /// Stops a thread that is not running until <see cref="Resume"/>: a ready thread leaves the run queue; a blocked one
        /// stays blocked, and when it is woken it waits for the resume instead of running.
        /// </summary>
        public static void Suspend(ThreadControlBlock* thread)
        {
            if (thread->Suspended || thread == s_current || thread->State == ThreadState.Dead || thread->State == ThreadState.Free)
            {
                return;
            }
            thread->Suspended = true;
            if (thread->State == ThreadState.Ready)
            {
                s_ready.Remove(&thread->RunLinks);
                Park(thread);
            }
        }

        /// <summary>Lets a suspended thread run again (it is queued if it became ready meanwhile, preempting the caller if its priority is higher).</summary>
        public static void Resume(ThreadControlBlock* thread)
        {
            if (!thread->Suspended)
            {
                return;
            }
            thread->Suspended = false;
            if (thread->ReadyWhenResumed)
            {
                thread->ReadyWhenResumed = false;
                Wake(thread);
            }
        }

        /// <summary>The running thread gives up the rest of its slice to threads of its priority.</summary>
        public static void Yield()
        {
            ThreadControlBlock* current = s_current;
            current->TimeSliceTicks = TimeSliceTicks;
            if (s_ready.HighestPriority() < current->Priority)
            {
                return; // nobody else of this priority or higher is ready: keep running
            }
            MakeReady(current);
            Reschedule();
        }

        /// <summary>Blocks the running thread for <paramref name="reason"/> until someone wakes it, or until its deadline (ulong.MaxValue: none, nothing but a wake ends it).</summary>
        public static void Block(BlockReason reason, ulong deadline)
        {
            ThreadControlBlock* current = s_current;
            current->State = ThreadState.Blocked;
            WaitFor(current, reason, deadline);
            Reschedule();
        }

        /// <summary>Takes a thread that is not running out of the run and sleep queues (it is being ended).</summary>
        public static void Detach(ThreadControlBlock* thread)
        {
            s_ready.Remove(&thread->RunLinks);
            s_sleepers.Remove(thread->Id.Slot);
        }

        /// <summary>The running thread has ended: switches away for good; the next thread frees it.</summary>
        public static void ExitCurrent()
        {
            s_current->State = ThreadState.Dead;
            Reschedule();
            Panic.Halt("scheduler: a dead thread was resumed");
        }

        /// <summary>The timer interrupt: wakes threads whose deadline passed and ends the running slice when it is used up.</summary>
        public static void OnTimerTick()
        {
            s_ticks++;
            bool preempt = false;
            ulong now = s_sleepers.Count == 0 ? 0 : Clock.UptimeNanoseconds; // no clock read on a tick with no sleepers
            while (s_sleepers.Count != 0)
            {
                int slot = s_sleepers.TakeExpired(now);
                if (slot < 0)
                {
                    break;
                }
                ThreadControlBlock* thread = ThreadTable.At(slot);
                thread->WakeResult = thread->BlockReason == BlockReason.Sleeping ? 0 : (long)SystemCallError.TimedOut;
                Ipc.IpcOperations.LeaveWaitQueue(thread); // a timed-out IPC or notification wait leaves its queue
                preempt |= MakeReady(thread) && thread->Priority > s_current->Priority;
            }
            ThreadControlBlock* current = s_current;
            CheckStack(current);
            if (current == s_idle)
            {
                if (s_ready.Count != 0)
                {
                    Reschedule();
                }
                return;
            }
            if (preempt)
            {
                Preempt();
                return;
            }
            if (--current->TimeSliceTicks <= 0)
            {
                current->TimeSliceTicks = TimeSliceTicks;
                if (s_ready.HighestPriority() >= current->Priority)
                {
                    MakeReady(current);
                    Reschedule();
                }
            }
        }

        // A new thread's first instructions (user_thread_first_entry) call this before entering ring 3.
        [System.Runtime.RuntimeExport("kernel_thread_started")]
        private static void OnThreadStarted() => FinishSwitch();

        /// <summary>Called on a thread's first run (kernel_thread_started) and after every switch: frees a thread that died on the way out.</summary>
        public static void FinishSwitch()
        {
            ThreadControlBlock* dying = s_dying;
            if (dying != null)
            {
                s_dying = null;
                TaskLifecycle.ReapThread(dying);
            }
        }

        /// <summary>Loads the kernel's own page table if <paramref name="root"/> is in CR3 (before that address space is freed).</summary>
        public static void LeaveAddressSpace(ulong root)
        {
            if (s_loadedRoot == root)
            {
                s_loadedRoot = KernelMemory.KernelSpace.Root.Value;
                Native.WriteCr3(s_loadedRoot);
            }
        }

        /// <summary>True when the page tables rooted at <paramref name="root"/> are the ones in CR3 (so changes need a TLB flush).</summary>
        public static bool IsLoaded(ulong root) => s_loadedRoot == root;

        /// <summary>CPU time of <paramref name="thread"/> in TSC cycles, including the running slice.</summary>
        public static ulong CpuCyclesOf(ThreadControlBlock* thread)
        {
            ulong cycles = thread->CpuCycles;
            if (thread == s_current)
            {
                cycles += Clock.ReadTimestamp() - s_lastSwitchTimestamp;
            }
            return cycles;
        }

        /// <summary>Panics when the thread's kernel stack ran into the bottom of its block (checked on ticks and when a thread is freed, not on every switch: that would touch one more page).</summary>
        public static void CheckStack(ThreadControlBlock* thread)
        {
            if (!thread->IsCanaryIntact)
            {
                Panic.Halt("scheduler: a thread's kernel stack overflowed its 16 KiB block");
            }
        }

        // Records what a blocked thread waits for and until when; a deadline puts it in the sleep queue.
        private static void WaitFor(ThreadControlBlock* thread, BlockReason reason, ulong deadline)
        {
            thread->BlockReason = reason;
            thread->WakeDeadline = deadline;
            if (deadline != ulong.MaxValue)
            {
                s_sleepers.Insert(thread->Id.Slot, deadline);
            }
        }

        // Only a thread blocked with a deadline is in the sleep queue (Block records the deadline): an untimed wait, the
        // common IPC case, skips the queue's pages.
        private static void LeaveSleepQueue(ThreadControlBlock* thread)
        {
            if (thread->WakeDeadline != ulong.MaxValue)
            {
                s_sleepers.Remove(thread->Id.Slot);
            }
        }

        // Queues a thread to run; a suspended one is parked instead. Returns whether it was queued.
        private static bool MakeReady(ThreadControlBlock* thread)
        {
            if (thread->Suspended)
            {
                Park(thread);
                return false;
            }
            thread->State = ThreadState.Ready;
            thread->BlockReason = BlockReason.None;
            if (thread != s_idle)
            {
                s_ready.Enqueue(&thread->RunLinks, thread->Priority);
            }
            return true;
        }

        // A suspended thread that would be ready waits, blocked, for its resume.
        private static void Park(ThreadControlBlock* thread)
        {
            thread->State = ThreadState.Blocked;
            thread->BlockReason = BlockReason.Suspended;
            thread->ReadyWhenResumed = true;
        }

        // The running thread is preempted by a higher-priority one: it goes back to the head of its level, keeping its slice.
        private static void Preempt()
        {
            ThreadControlBlock* current = s_current;
            if (current != s_idle && current->State == ThreadState.Running)
            {
                current->State = ThreadState.Ready;
                s_ready.EnqueueFront(&current->RunLinks, current->Priority);
            }
            Reschedule();
        }

        // Switches to the best ready thread (or idle). The caller has already queued, blocked or ended the current one.
        private static void Reschedule()
        {
            RunQueueLinks* next = s_ready.Dequeue();
            SwitchTo(next == null ? s_idle : (ThreadControlBlock*)next);
        }

        private static void SwitchTo(ThreadControlBlock* next)
        {
            ThreadControlBlock* previous = s_current;
            next->State = ThreadState.Running;
            if (next == previous)
            {
                return;
            }
            ulong now = Clock.ReadTimestamp();
            previous->CpuCycles += now - s_lastSwitchTimestamp;
            s_lastSwitchTimestamp = now;
            s_switches++;
            if (next->TimeSliceTicks <= 0)
            {
                next->TimeSliceTicks = TimeSliceTicks;
            }

            if (next != s_idle)
            {
                TaskStateSegment.SetPrivilegeStack(next->KernelStackTop);
                IoPortPermissions.FollowRunningTask(next->TaskSlot); // the TSS I/O bitmap follows the task
                if (next->AddressSpaceRoot != s_loadedRoot)
                {
                    s_loadedRoot = next->AddressSpaceRoot;
                    Native.WriteCr3(s_loadedRoot);
                }
                if (next->UtcbAddress != s_loadedFsBase)
                {
                    s_loadedFsBase = next->UtcbAddress;
                    Native.WriteMsr(FsBaseMsr, s_loadedFsBase);
                }
            }
            if (previous->State == ThreadState.Dead)
            {
                s_dying = previous;
            }
            else if (previous == s_idle)
            {
                previous->State = ThreadState.Ready;
            }
            s_current = next;
            Native.SwitchStacks(&previous->SavedStackPointer, next->SavedStackPointer);
            FinishSwitch();
        }
    }
}
