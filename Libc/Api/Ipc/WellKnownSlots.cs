namespace Cosmos.Api.Ipc
{
    /// <summary>
    /// Capability slots with a fixed meaning. Every task is created with copies of its creator's slots
    /// <see cref="NameBroker"/> and <see cref="DebugConsole"/> (when the creator holds them with Grant), and the
    /// kernel puts a Task capability naming the new task into its creator's table. The root task starts with the
    /// rest: the kernel fills its slots below <see cref="FirstFree"/> at boot.
    /// </summary>
    public static class WellKnownSlots
    {
        /// <summary>A send right to the name broker's port (the lecture's "initial port, given to all processes").</summary>
        public const uint NameBroker = 1;

        /// <summary>The kernel's debug console: DebugWrite needs a DebugConsole capability with Send here.</summary>
        public const uint DebugConsole = 2;

        /// <summary>The root task only: a Task capability (Control, Grant) naming the root task itself (what lets it create tasks).</summary>
        public const uint RootSelf = 3;

        /// <summary>
        /// A task created with TaskCreateFlags.MayCreateTasks: a Task capability (Control) naming the task itself. TaskCreate
        /// needs a Task capability with Control naming the caller; other tasks cannot create tasks.
        /// </summary>
        public const uint OwnTask = 255;

        /// <summary>The root task only: an IoPortRange capability for every port, 0 to 65535.</summary>
        public const uint RootAllIoPorts = 4;

        /// <summary>The root task only: an InterruptLine capability for legacy line n (0-15) in slot FirstInterruptLine + n.</summary>
        public const uint RootFirstInterruptLine = 16;

        /// <summary>Legacy (8259) interrupt lines the kernel hands out.</summary>
        public const uint InterruptLineCount = 16;

        /// <summary>The root task only: an unbadged send right to sigma0's memory port (Cosmos.Api.Memory.Sigma0Protocol); also the root task's pager.</summary>
        public const uint RootSigma0Memory = 5;

        /// <summary>The root task only: an unbadged send right to sigma0's device port (every device memory range).</summary>
        public const uint RootSigma0Device = 6;

        /// <summary>Sigma0 only: the receive right of its memory port.</summary>
        public const uint Sigma0MemoryPort = 3;

        /// <summary>Sigma0 only: the receive right of its device port.</summary>
        public const uint Sigma0DevicePort = 4;

        /// <summary>
        /// A program started with a pager: a send right to its pager's port, with the badge the kernel shows the pager with the
        /// program's page faults, for explicit requests (Cosmos.Api.Memory.RegionPagerProtocol: giving pages back).
        /// </summary>
        public const uint Pager = 254;

        /// <summary>The lowest slot the kernel leaves free in the root task's table at boot.</summary>
        public const uint FirstFree = RootFirstInterruptLine + InterruptLineCount;
    }
}
