using System.Runtime;
using CosmosKernel.Diagnostics;

namespace CosmosKernel.Interrupts
{
    /// <summary>Where every trap stub lands (trap_common calls kernel_trap_handler with the saved frame).</summary>
    internal static unsafe class TrapDispatcher
    {
        /// <summary>
        /// Handles one trap. Today every vector is a CPU exception and every CPU exception is fatal in the
        /// kernel, so this reports and halts; returning would resume the interrupted code.
        /// </summary>
        [RuntimeExport("kernel_trap_handler")]
        private static void HandleTrap(TrapFrame* frame)
        {
            Panic.FromTrap(frame);
        }
    }
}
