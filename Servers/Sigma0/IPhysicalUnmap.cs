namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// Takes a released block back from everyone: removes every mapping derived from its frames, in every address space,
    /// and sigma0's own (MemoryUnmap with IncludeOwn on the physical flexpage); and tells whether a given frame is still
    /// held by anyone (MemoryMappingInformation on the physical address). <see cref="KernelUnmap"/> in the OS, a recording
    /// fake in the host tests.
    /// </summary>
    internal interface IPhysicalUnmap
    {
        /// <summary>True when no mapping of the block is left; false when the kernel refused (the block then stays given).</summary>
        bool Unmap(PhysicalBlock block);

        /// <summary>True when nobody holds a mapping of the RAM frame at <paramref name="frameAddress"/> any more (its holder unmapped it or ended).</summary>
        bool IsAbandoned(ulong frameAddress);
    }
}
