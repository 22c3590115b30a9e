using Cosmos.Api;
using Cosmos.Api.Memory;

namespace Cosmos.Drivers.Console
{
    /// <summary>
    /// Maps the boot loader's framebuffer (from the kernel information page) into the console's address space through a
    /// device right to sigma0: one naturally aligned block when the framebuffer fits in one of at most 4 MiB, otherwise
    /// consecutive 4 MiB blocks (sigma0's largest), at consecutive windows from <see cref="WindowBase"/>.
    /// </summary>
    internal static unsafe class FramebufferMapping
    {
        /// <summary>Where the framebuffer's blocks are mapped: in the user half, far from the heap and the stack, 4 MiB aligned.</summary>
        public const ulong WindowBase = 0x0000510000000000;

        private const int LargestBlockLog2 = 22;
        private const int SmallestBlockLog2 = 12;

        /// <summary>
        /// Maps <paramref name="length"/> bytes from <paramref name="physical"/> through the device right in
        /// <paramref name="slot"/>; <paramref name="pixels"/> is the framebuffer's first byte. On failure returns false with
        /// sigma0's answer in <paramref name="status"/>.
        /// </summary>
        public static bool TryMap(uint slot, ulong physical, ulong length, out byte* pixels, out Sigma0Status status)
        {
            pixels = null;
            int blockLog2 = LargestBlockLog2;
            for (int log2 = SmallestBlockLog2; log2 < LargestBlockLog2; log2++)
            {
                ulong start = physical & ~((1UL << log2) - 1);
                if (physical + length <= start + (1UL << log2))
                {
                    blockLog2 = log2;
                    break;
                }
            }
            ulong blockSize = 1UL << blockLog2;
            ulong firstBlock = physical & ~(blockSize - 1);
            ulong end = physical + length;
            status = Sigma0Status.Success;
            for (ulong block = firstBlock, window = WindowBase; block < end; block += blockSize, window += blockSize)
            {
                status = Sigma0Client.MapDevice(slot, block, blockLog2, window);
                if (status != Sigma0Status.Success)
                {
                    return false;
                }
            }
            pixels = (byte*)(WindowBase + (physical - firstBlock));
            return true;
        }
    }
}
