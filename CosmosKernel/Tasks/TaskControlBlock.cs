using Cosmos.Api;
using CosmosKernel.Capabilities;
using CosmosKernel.Interrupts;
using CosmosKernel.Scheduling;
using CosmosKernel.Memory;

namespace CosmosKernel.Tasks
{
    /// <summary>Where a task is in its life.</summary>
    internal enum TaskLife : byte
    {
        Free = 0,
        Alive = 1,
        /// <summary>Ending: its threads are being reaped; the address space goes with the last one.</summary>
        Ending = 2,
        /// <summary>Ended: only the exit code is left, until a waiter or the parent's end takes it.</summary>
        Ended = 3,
    }

    /// <summary>A task: an address space (its own PML4 sharing the kernel half), its threads, its parent and name.</summary>
    internal unsafe struct TaskControlBlock
    {
        public const int NameCapacity = TaskInformation.NameCapacity;

        public TaskId Id;
        public TaskId Parent;
        public TaskLife Life;
        public byte MaximumPriority;
        public int ThreadCount;
        public int FirstThread;
        public PageTable Space;
        public ulong OwnedPages;
        public long ExitCode;
        public TaskEndReason EndReason;
        public ulong CpuCyclesOfEndedThreads;
        public int NameLength;
        public fixed byte Name[NameCapacity];

        /// <summary>Where a thread that faults in ring 3 continues (TaskSetFaultHandler); 0: faults end the task.</summary>
        public ulong FaultHandler;

        /// <summary>The thread whose ThreadsSuspend stopped the task's other threads (None: none are stopped).</summary>
        public ThreadId SuspendingThread;

        /// <summary>The task's capability table (storage: TaskTable, one block per task slot). Ipc/CapabilitySpace.cs works on it.</summary>
        public CapabilityTable Capabilities;

        /// <summary>Where the task's page faults go (TaskSetPager): a send capability to the pager's port, with its badge; empty: faults are not paged.</summary>
        public Capability Pager;

        /// <summary>Mapping-database nodes in the task's address space (one per mapped page), and the most it may hold.</summary>
        public ulong MappingsUsed;
        public ulong MappingLimit;

        /// <summary>The most page-table frames the task's address space may grow to by mappings (Space.TableCount counts them).</summary>
        public ulong PageTableLimit;

        /// <summary>The I/O port ranges the task enabled (IoPortsEnable); Interrupts/IoPortPermissions.cs opens them in the TSS bitmap while the task runs.</summary>
        public IoPortGrants IoPorts;
    }
}
