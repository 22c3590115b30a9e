namespace CosmosKernel.Memory
{
    /// <summary>Why a frame allocator operation failed (None: it did not).</summary>
    internal enum FrameAllocatorError
    {
        None,
        /// <summary>No free frame (or no free run of the requested length) is left.</summary>
        OutOfMemory,
        /// <summary>A count of zero, or a run longer than all of memory.</summary>
        InvalidCount,
        /// <summary>A physical address that is not a multiple of the 4 KiB frame size.</summary>
        NotFrameAligned,
        /// <summary>A frame above the highest usable address: the allocator never managed it.</summary>
        OutsideManagedMemory,
        /// <summary>A frame that can never be allocated (firmware, kernel image, boot data, the bitmap itself).</summary>
        ReservedFrame,
        /// <summary>A frame that is already free: freed twice, or never allocated.</summary>
        DoubleFree,
        /// <summary>The memory map has no usable region.</summary>
        NoUsableMemory,
        /// <summary>No usable region has room for the allocator's bitmaps outside the reservations.</summary>
        NoRoomForBitmap,
    }

    /// <summary>Human-readable descriptions of <see cref="FrameAllocatorError"/> (string literals: no allocation).</summary>
    internal static class FrameAllocatorErrors
    {
        public static string Describe(FrameAllocatorError error)
        {
            switch (error)
            {
                case FrameAllocatorError.None: return "no error";
                case FrameAllocatorError.OutOfMemory: return "out of physical memory";
                case FrameAllocatorError.InvalidCount: return "invalid frame count";
                case FrameAllocatorError.NotFrameAligned: return "address is not 4 KiB aligned";
                case FrameAllocatorError.OutsideManagedMemory: return "frame is outside the managed physical memory";
                case FrameAllocatorError.ReservedFrame: return "frame is reserved and can never be freed";
                case FrameAllocatorError.DoubleFree: return "frame is already free (double free)";
                case FrameAllocatorError.NoUsableMemory: return "the memory map has no usable memory";
                case FrameAllocatorError.NoRoomForBitmap: return "no room for the frame bitmap";
                default: return "unknown frame allocator error";
            }
        }
    }
}
