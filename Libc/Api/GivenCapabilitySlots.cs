namespace Cosmos.Api
{
    /// <summary>
    /// Where the root task puts the capabilities it gives a program before the program's first thread runs: the n-th
    /// suffix of its run= word ("+register", "+irq=N", "+io=FIRST-LAST"; docs/ARCHITECTURE.md, "The root task and
    /// programs") goes to slot <see cref="First"/> + n, counting from 0. The name broker's receive right, which the
    /// root task gives it the same way, is in <see cref="First"/>. Slots 1 and 2 hold the copies every task inherits
    /// (<see cref="Ipc.WellKnownSlots"/>), so the given ones follow them.
    /// </summary>
    public static class GivenCapabilitySlots
    {
        /// <summary>The slot of the first capability the root task gives a program it starts.</summary>
        public const uint First = 3;
    }
}
