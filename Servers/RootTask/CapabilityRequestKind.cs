namespace Cosmos.Servers.RootTask
{
    /// <summary>What a run word's "+" suffix asks the root task to give the program it starts.</summary>
    internal enum CapabilityRequestKind
    {
        /// <summary>"+register": a register right at the name broker (a badged send right to the broker's port).</summary>
        Register,

        /// <summary>"+irq=N": a copy of the InterruptLine capability for legacy line N (0-15).</summary>
        InterruptLine,

        /// <summary>"+io=FIRST-LAST": an IoPortRange capability for ports FIRST to LAST, derived from the root's range of every port.</summary>
        IoPorts,

        /// <summary>"+spawn": the program may create tasks (TaskCreate gives it a Task capability naming itself, in slot WellKnownSlots.OwnTask; no numbered slot).</summary>
        TaskCreation,

        /// <summary>"+sigma0": a send right to sigma0's memory port, minted with a badge of its own (2, 3, ...) from the root's slot 5.</summary>
        Sigma0Memory,

        /// <summary>"+device=BASE/LOG2": a send right to sigma0's device port badged with the flexpage word BASE | LOG2 &lt;&lt; 4, minted from the root's slot 6.</summary>
        DeviceMemory,
    }
}
