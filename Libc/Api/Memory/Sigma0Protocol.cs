namespace Cosmos.Api.Memory
{
    /// <summary>
    /// What sigma0 understands. Sigma0 owns all free physical memory; every mapping of RAM or device memory outside the
    /// kernel starts with one of its replies. It receives on two ports:
    ///
    /// The memory port (the root task holds an unbadged send right in WellKnownSlots.Sigma0Memory, and it is the root
    /// task's pager). Requests are calls; the requester first declares a memory receive window (Utcb.MemoryReceiveWindow)
    /// at least as large as the block it asks for. A success reply has label <see cref="Sigma0Status.Success"/>, word 0
    /// the block's physical base, and one map item of the block (read, write, execute) placed at the window's base.
    /// <list type="bullet">
    /// <item><see cref="AllocateAny"/>(size log2 12-22): any free, naturally aligned, physically contiguous block.</item>
    /// <item><see cref="AllocatePhysical"/>(physical base, size log2): that block of RAM, if no frame of it was given.</item>
    /// <item><see cref="Release"/>(physical base, size log2): the requester gives a block it was given back; sigma0 unmaps
    /// it everywhere (MemoryUnmap) and may hand it out again (the kernel zeroes RAM frames when they are mapped anew).</item>
    /// <item><see cref="Statistics"/>(): reply words 0-3 total RAM frames, free frames, frames given, device blocks given.</item>
    /// <item>Page faults (<see cref="PageFaultMessage"/>) of the tasks it pages (the root task): a free frame at the fault address.</item>
    /// </list>
    /// Sigma0 never hands out the same frame twice: a frame is given to one requester (recorded with its badge) until
    /// that requester releases it — or, when memory runs short, until nobody maps it any more (its holder unmapped it or
    /// ended): then sigma0 takes it back (its own mapping removed, so the kernel zeroes it before it is mapped again).
    ///
    /// The device port (the root task holds an unbadged send right in WellKnownSlots.Sigma0Device; it mints badged copies
    /// for drivers). <see cref="MapDevice"/>(physical base, size log2) maps device memory (physical memory that is not RAM:
    /// MMIO, PCI BARs, a framebuffer), uncached. The capability is the authority: an unbadged one allows every device
    /// range; a badged one allows only the range its badge names, the badge being a flexpage word (base | log2 size &lt;&lt; 4)
    /// of physical addresses. A device block is given to one holder at a time too.
    /// </summary>
    public static class Sigma0Protocol
    {
        public const uint AllocateAny = 1;
        public const uint AllocatePhysical = 2;
        public const uint Release = 3;
        public const uint MapDevice = 4;
        public const uint Statistics = 5;

        public const int SmallestBlockLog2 = 12;
        public const int LargestBlockLog2 = 22;
    }

    /// <summary>The label of sigma0's reply.</summary>
    public enum Sigma0Status : uint
    {
        Success = 0,
        /// <summary>No free block of that size.</summary>
        NoMemory = 1,
        /// <summary>A frame of the block was already given (to anyone, the requester included).</summary>
        AlreadyGiven = 2,
        /// <summary>Release of a block that was not given to this requester.</summary>
        NotOwned = 3,
        /// <summary>AllocatePhysical of memory that is not RAM sigma0 owns (device memory, the kernel's).</summary>
        NotRam = 4,
        /// <summary>MapDevice of RAM.</summary>
        NotDeviceMemory = 5,
        /// <summary>MapDevice outside the range the capability's badge allows.</summary>
        NotAuthorized = 6,
        /// <summary>A malformed request (unknown label, size out of range, misaligned base).</summary>
        BadRequest = 7,
        /// <summary>The kernel refused the mapping (no receive window, too small, or the requester's quota is spent).</summary>
        MapFailed = 8,
    }
}
