using CosmosKernel.Diagnostics;

namespace CosmosKernel.Memory
{
    /// <summary>
    /// The page source behind the kernel heap (ManagedHeap.Initialize): physically contiguous frame runs from
    /// the frame allocator, used through the direct map, so no page-table changes are needed per allocation.
    /// </summary>
    internal static unsafe class KernelHeapPages
    {
        /// <summary>Returns <paramref name="bytes"/> (a multiple of 4 KiB) of page-aligned memory, not zeroed, or null when physical memory is exhausted.</summary>
        public static void* Allocate(nuint bytes)
        {
            ulong frames = ((ulong)bytes + FrameAllocator.FrameSize - 1) / FrameAllocator.FrameSize;
            FrameResult result = KernelMemory.Frames.AllocateContiguous(frames);
            if (!result.Succeeded)
            {
                return null;
            }
            return KernelMemory.Window.ToPointer(result.Address);
        }

        /// <summary>Gives back memory returned by Allocate. Freeing anything else is a kernel bug and panics.</summary>
        public static void Free(void* pages, nuint bytes)
        {
            ulong frames = ((ulong)bytes + FrameAllocator.FrameSize - 1) / FrameAllocator.FrameSize;
            FrameAllocatorError error = KernelMemory.Frames.FreeContiguous(KernelMemory.Window.ToPhysical(pages), frames);
            if (error != FrameAllocatorError.None)
            {
                Panic.Halt(FrameAllocatorErrors.Describe(error));
            }
        }
    }
}
