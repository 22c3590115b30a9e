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
    }
}
