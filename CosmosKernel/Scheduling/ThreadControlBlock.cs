using Cosmos.Api;
using CosmosKernel.Memory;
using CosmosKernel.Tasks;

namespace CosmosKernel.Scheduling
{
    /// <summary>
    /// A thread's kernel state. It lives at the top of the thread's kernel stack block (ThreadStack.cs): one
    /// allocation holds both, as in L3/L4's strict process orientation; a canary word at the block's bottom
    /// detects a stack that ran out.
    /// </summary>
    internal unsafe struct ThreadControlBlock
    {
        public const ulong CanaryValue = 0x4B43415453524854; // "THRSTACK"

        /// <summary>Run-queue links; first, so RunQueue's link pointer is the thread's pointer.</summary>
        public RunQueueLinks RunLinks;
        public ThreadId Id;
        public TaskId Task;
        public int TaskSlot;
        public ThreadState State;
        public BlockReason BlockReason;
        public byte Priority;
        public int TimeSliceTicks;

        /// <summary>The kernel rsp saved by native_switch_stacks while the thread is off the CPU.</summary>
        public ulong SavedStackPointer;
        public ulong KernelStackTop;
        public PhysicalAddress StackBlock;

        /// <summary>The physical PML4 of the thread's task (what CR3 holds while it runs); 0 for the idle thread.</summary>
        public ulong AddressSpaceRoot;

        public ulong UtcbAddress;
        public PhysicalAddress UtcbFrame;

        public ulong CpuCycles;

        /// <summary>Uptime (ns) at which a sleeping or timed-waiting thread is woken.</summary>
        public ulong WakeDeadline;

        /// <summary>The task a thread blocked in task wait waits for.</summary>
        public TaskId WaitTarget;

        /// <summary>Results handed to a blocked thread by whoever woke it (returned from its system call).</summary>
        public long WakeResult;
        public ulong WakeSecondResult;

        /// <summary>The thread that will receive this thread's page faults as messages (issue "Address spaces"); None: faults end the task.</summary>
        public ThreadId Pager;

        /// <summary>How the thread last entered the kernel from ring 3, which says where its user registers are saved.</summary>
        public UserEntry LastUserEntry;

        /// <summary>Stopped by ThreadsSuspend: it is not queued to run, even when woken, until ThreadsResume.</summary>
        public bool Suspended;

        /// <summary>The thread became ready while suspended (a blocked thread woken, or a ready one taken off the run queue).</summary>
        public bool ReadyWhenResumed;

        /// <summary>The user stack pointer the thread was started with (ThreadStart): its stack lies below.</summary>
        public ulong UserStackTop;

        /// <summary>Links of the task's thread list (thread-table slots; -1 ends).</summary>
        public int NextInTask;
        public int PreviousInTask;

        /// <summary>The lowest word of the stack block, holding <see cref="CanaryValue"/> (null for the idle thread, which runs on the boot stack).</summary>
        public ulong* StackBottom;

        public readonly bool IsCanaryIntact => StackBottom == null || *StackBottom == CanaryValue;
    }
}
