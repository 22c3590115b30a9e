using Cosmos.Api.Ipc;
using Cosmos.Api.Memory;

namespace Cosmos.Servers.Sigma0
{
    /// <summary>
    /// A block of physical memory a request names: a base and a log2 size between
    /// <see cref="Sigma0Protocol.SmallestBlockLog2"/> and <see cref="Sigma0Protocol.LargestBlockLog2"/>, the base a
    /// multiple of the size and below <see cref="MessageLimits.UserAddressLimit"/> (so a map item's flexpage can name it).
    /// Only <see cref="TryCreate"/> makes one, so a value of this type is always well formed. Pure logic: host-tested.
    /// </summary>
    internal readonly struct PhysicalBlock
    {
        public const int FrameSizeLog2 = 12;
        public const ulong FrameSize = 1UL << FrameSizeLog2;

        private PhysicalBlock(ulong baseAddress, int sizeLog2)
        {
            BaseAddress = baseAddress;
            SizeLog2 = sizeLog2;
        }

        public ulong BaseAddress { get; }

        public int SizeLog2 { get; }

        public ulong Size => 1UL << SizeLog2;

        /// <summary>The first address past the block.</summary>
        public ulong End => BaseAddress + Size;

        /// <summary>4 KiB frames in the block.</summary>
        public long FrameCount => 1L << (SizeLog2 - FrameSizeLog2);

        /// <summary>True when a request may ask for a block of 2^<paramref name="sizeLog2"/> bytes (a raw message word).</summary>
        public static bool IsValidSizeLog2(ulong sizeLog2) =>
            sizeLog2 >= Sigma0Protocol.SmallestBlockLog2 && sizeLog2 <= Sigma0Protocol.LargestBlockLog2;

        /// <summary>Reads a block from a request's two raw words; false when they break a rule (the request is a BadRequest).</summary>
        public static bool TryCreate(ulong baseAddress, ulong sizeLog2, out PhysicalBlock block)
        {
            block = default;
            if (!IsValidSizeLog2(sizeLog2))
            {
                return false;
            }
            ulong size = 1UL << (int)sizeLog2;
            if ((baseAddress & (size - 1)) != 0 || baseAddress >= MessageLimits.UserAddressLimit)
            {
                return false;
            }
            block = new PhysicalBlock(baseAddress, (int)sizeLog2);
            return true;
        }

        /// <summary>The block as a flexpage with <paramref name="rights"/>: a map item's source, or MemoryUnmap's argument.</summary>
        public Flexpage ToFlexpage(FlexpageRights rights)
        {
            // A well-formed block always makes a valid flexpage (aligned, below the user limit, size 12-22).
            Flexpage.TryCreate(BaseAddress, SizeLog2, rights, out Flexpage flexpage);
            return flexpage;
        }

        /// <summary>True when the two blocks share an address.</summary>
        public bool Overlaps(PhysicalBlock other) => BaseAddress < other.End && other.BaseAddress < End;
    }
}
