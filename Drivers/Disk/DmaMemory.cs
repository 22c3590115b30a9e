using Cosmos.Api.Memory;

namespace Cosmos.Drivers.Disk
{
    /// <summary>
    /// Gets <see cref="DmaBuffer"/>s from sigma0 through the memory right the root task gave ("+sigma0"): physically
    /// contiguous, naturally aligned blocks whose physical address sigma0 reports, mapped at fixed windows of this task
    /// clear of the heap (UserLayout.HeapBase, 1 GiB) and the stack.
    /// </summary>
    internal static unsafe class DmaMemory
    {
        /// <summary>The data buffer: 512 KiB, one request's worst case (eight 64 KiB string items).</summary>
        public const int DataBufferLog2 = 19;
        public const ulong DataWindow = 0x0000_0040_0000_0000;

        /// <summary>One page for the IDE region table (or anything else small a controller needs).</summary>
        public const int PageLog2 = 12;
        public const ulong TableWindow = 0x0000_0040_1000_0000;

        /// <summary>Allocates 2^<paramref name="sizeLog2"/> bytes mapped at <paramref name="window"/>; returns sigma0's status.</summary>
        public static Sigma0Status Allocate(uint sigma0Slot, int sizeLog2, ulong window, out DmaBuffer buffer)
        {
            buffer = default;
            Sigma0Status status = Sigma0Client.AllocateAny(sigma0Slot, sizeLog2, window, out ulong physical);
            if (status == Sigma0Status.Success)
            {
                buffer = new DmaBuffer((byte*)window, physical, 1 << sizeLog2);
            }
            return status;
        }
    }
}
