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
        /// <summary>Direct RGB only: the lowest bit and the width of each colour's field in a pixel (all 0 when not reported).</summary>
        public readonly byte RedPosition;
        public readonly byte RedSize;
        public readonly byte GreenPosition;
        public readonly byte GreenSize;
        public readonly byte BluePosition;
        public readonly byte BlueSize;

        public FramebufferInfo(PhysicalAddress address, uint pitch, uint width, uint height, byte bitsPerPixel, byte type)
            : this(address, pitch, width, height, bitsPerPixel, type, 0, 0, 0, 0, 0, 0)
        {
        }

        public FramebufferInfo(
            PhysicalAddress address, uint pitch, uint width, uint height, byte bitsPerPixel, byte type,
            byte redPosition, byte redSize, byte greenPosition, byte greenSize, byte bluePosition, byte blueSize)
        {
            Address = address;
            Pitch = pitch;
            Width = width;
            Height = height;
            BitsPerPixel = bitsPerPixel;
            Type = type;
            RedPosition = redPosition;
            RedSize = redSize;
            GreenPosition = greenPosition;
            GreenSize = greenSize;
            BluePosition = bluePosition;
            BlueSize = blueSize;
        }
    }
}
