using System.Runtime.InteropServices;

namespace CosmosKernel.Memory
{
    /// <summary>
    /// The physical memory sigma0 owns. At the end of boot the kernel keeps a pool for its own objects (page tables,
    /// thread stacks, UTCBs) and hands every other free frame to sigma0 (<see cref="HandOver"/>): the frame leaves the
    /// kernel's allocator for good and its bit is set here. A map item from sigma0 names physical addresses (sigma0's
    /// idempotent view of memory); the kernel accepts a frame sigma0 owns, or device memory — any physical address
    /// outside the memory map's usable RAM — and refuses the kernel's own RAM.
    /// </summary>
    internal static unsafe class Sigma0Memory
    {
        /// <summary>The smallest pool the kernel keeps for itself.</summary>
        public const ulong MinimumKernelPoolBytes = 8UL * 1024 * 1024;

        /// <summary>The kernel keeps this fraction (1/n) of the allocatable frames, at least the minimum.</summary>
        public const ulong KernelPoolDivisor = 8;

        private static ulong* s_owned;
        private static ulong s_frameCount;
        private static ulong s_ownedFrames;
        private static MemoryMap s_memoryMap;

        /// <summary>Frames sigma0 owns.</summary>
        public static ulong OwnedFrames => s_ownedFrames;

        /// <summary>Keeps the kernel's pool and gives the rest of the free frames to sigma0. Returns false when there is no memory for the bitmap.</summary>
        public static bool HandOver(in MemoryMap memoryMap)
        {
            s_memoryMap = memoryMap;
            ref FrameAllocator frames = ref KernelMemory.Frames;
            s_frameCount = frames.ManagedFrames;
            ulong words = (s_frameCount + 63) / 64;
            ulong bitmapFrames = (words * 8 + FrameAllocator.FrameSize - 1) / FrameAllocator.FrameSize;
            FrameResult bitmap = frames.AllocateContiguous(bitmapFrames);
            if (!bitmap.Succeeded)
            {
                return false;
            }
            s_owned = (ulong*)KernelMemory.Window.ToPointer(bitmap.Address);
            NativeMemory.Clear(s_owned, (nuint)(bitmapFrames * FrameAllocator.FrameSize));
            ulong keep = frames.AllocatableFrames / KernelPoolDivisor;
            ulong minimum = MinimumKernelPoolBytes / FrameAllocator.FrameSize;
            if (keep < minimum)
            {
                keep = minimum;
            }
            s_ownedFrames = frames.ClaimFreeFrames(keep, s_owned);
            return true;
        }

        /// <summary>True when sigma0 owns the RAM frame at <paramref name="frame"/>.</summary>
        public static bool Owns(ulong frame)
        {
            ulong number = frame / FrameAllocator.FrameSize;
            return number < s_frameCount && (s_owned[number / 64] & (1UL << (int)(number % 64))) != 0;
        }

        /// <summary>True when <paramref name="frame"/> lies in usable RAM according to the boot loader's memory map.</summary>
        public static bool IsRam(ulong frame)
        {
            for (int i = 0; i < s_memoryMap.Count; i++)
            {
                MemoryRegion region = s_memoryMap[i];
                if (region.IsUsable && frame >= region.Start.Value && frame - region.Start.Value < region.Length)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True when sigma0 may map the frame: RAM it owns, or device memory.</summary>
        public static bool MayMap(ulong frame) => Owns(frame) || !IsRam(frame);

        /// <summary>
        /// The next run of frames sigma0 owns at or after frame number <paramref name="cursor"/>, which is advanced past it.
        /// False when there is none.
        /// </summary>
        public static bool NextRange(ref ulong cursor, out ulong baseAddress, out ulong length)
        {
            ulong frame = cursor;
            while (frame < s_frameCount && !IsOwnedNumber(frame))
            {
                frame++;
            }
            ulong first = frame;
            while (frame < s_frameCount && IsOwnedNumber(frame))
            {
                frame++;
            }
            cursor = frame;
            baseAddress = first * FrameAllocator.FrameSize;
            length = (frame - first) * FrameAllocator.FrameSize;
            return frame > first;
        }

        private static bool IsOwnedNumber(ulong number) => (s_owned[number / 64] & (1UL << (int)(number % 64))) != 0;
    }
}
