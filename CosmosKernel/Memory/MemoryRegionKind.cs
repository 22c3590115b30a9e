namespace CosmosKernel.Memory
{
    /// <summary>What the firmware says a physical memory region is (the multiboot2 / E820 type numbers).</summary>
    internal enum MemoryRegionKind : uint
    {
        Usable = 1,
        Reserved = 2,
        AcpiReclaimable = 3,
        AcpiNonVolatile = 4,
        Defective = 5,
    }
}
