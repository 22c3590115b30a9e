namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// Physically contiguous memory a device reads and writes by DMA: the driver asked sigma0 for it (AllocateAny through
    /// the memory right the root task gave it), so its physical address is known. Naturally aligned to its size.
    /// </summary>
    internal readonly unsafe struct DmaBuffer
    {
        public readonly byte* Virtual;
        public readonly ulong Physical;
        public readonly int Bytes;

        public DmaBuffer(byte* virtualAddress, ulong physical, int bytes)
        {
            Virtual = virtualAddress;
            Physical = physical;
            Bytes = bytes;
        }
    }
}
