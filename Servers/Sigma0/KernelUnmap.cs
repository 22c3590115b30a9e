using Cosmos.Api;
using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary><see cref="IPhysicalUnmap"/> by the MemoryUnmap system call: sigma0's flexpages name physical memory.</summary>
    internal sealed class KernelUnmap : IPhysicalUnmap
    {
        public bool Unmap(PhysicalBlock block) =>
            AddressSpace.Unmap(block.ToFlexpage(FlexpageRights.All), MemoryUnmapFlags.IncludeOwn) == SystemCallError.None;

        // Sigma0's own mapping of a frame is the root of the frame's mappings: with no mapping derived from it, nobody holds the frame.
        public bool IsAbandoned(ulong frameAddress) => (AddressSpace.MappingOf(frameAddress, out _) & AddressSpace.HasDerivedMappings) == 0;
    }
}
