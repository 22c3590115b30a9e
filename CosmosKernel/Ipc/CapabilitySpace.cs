using Cosmos.Api;
using Cosmos.Api.Ipc;
using CosmosKernel.Capabilities;
using CosmosKernel.Tasks;

namespace CosmosKernel.Ipc
{
    /// <summary>
    /// The kernel's side of every task's capability table: looking up a slot for a system call (with kind, rights
    /// and staleness checked), and turning a <see cref="CapabilityError"/> into the <see cref="SystemCallError"/> the
    /// caller sees.
    /// </summary>
    internal static unsafe class CapabilitySpace
    {
        /// <summary>The live capability in <paramref name="slot"/> of <paramref name="task"/>'s table if it is of <paramref name="kind"/> and holds <paramref name="rights"/>.</summary>
        public static SystemCallError Lookup(TaskControlBlock* task, ulong slot, CapabilityKind kind, CapabilityRights rights, out Capability capability)
        {
            capability = Capability.Empty;
            return SystemCallError.UnknownCall; // filled in by the IPC work
        }
    }
}
