using Cosmos.Api.Ipc;

namespace CosmosKernel.Capabilities
{
    /// <summary>
    /// The object tables as the capability table sees them: each object's current generation, and the step
    /// that advances it (a revocation). The kernel implements it over its port, notification, task and thread
    /// tables; the host tests over a simulated array. Used as a generic struct argument, so calls are direct.
    /// </summary>
    public interface IKernelObjectGenerations
    {
        /// <summary>The current generation of object <paramref name="index"/> of <paramref name="kind"/>; 0 when there is no such live object.</summary>
        uint CurrentGeneration(CapabilityKind kind, uint index);

        /// <summary>Advances the generation of a live object (every capability naming the old one goes stale) and returns the new generation.</summary>
        uint AdvanceGeneration(CapabilityKind kind, uint index);
    }
}
