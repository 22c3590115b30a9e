using CosmosKernel.Memory;

namespace CosmosKernel.Boot
{
    /// <summary>The framebuffer the boot loader set up (multiboot2 tag 8), for a later display driver.</summary>
    internal readonly struct FramebufferInfo
    {
        public readonly PhysicalAddress Address;
        /// <summary>Bytes per scan line.</summary>
        public readonly uint Pitch;
        public readonly uint Width;
        public readonly uint Height;
        public readonly byte BitsPerPixel;
        /// <summary>0 = indexed colour, 1 = direct RGB, 2 = EGA text mode.</summary>
        public readonly byte Type;

        public FramebufferInfo(PhysicalAddress address, uint pitch, uint width, uint height, byte bitsPerPixel, byte type)
        {
            Address = address;
            Pitch = pitch;
            Width = width;
            Height = height;
            BitsPerPixel = bitsPerPixel;
            Type = type;
        }
    }
}
