namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// How a direct-colour framebuffer stores a pixel: its size in bytes and where red, green and blue sit in it. The
    /// boot loader's framebuffer information gives only the depth, so the layout is the usual one for it: 32 and 24 bits
    /// are 8:8:8 with red at bit 16 (what UEFI GOP and VBE modes give), 16 bits is 5:6:5 and 15 bits 5:5:5.
    /// </summary>
    public readonly struct PixelFormat
    {
        public readonly int BytesPerPixel;
        public readonly int RedShift;
        public readonly int RedBits;
        public readonly int GreenShift;
        public readonly int GreenBits;
        public readonly int BlueShift;
        public readonly int BlueBits;

        public PixelFormat(int bytesPerPixel, int redShift, int redBits, int greenShift, int greenBits, int blueShift, int blueBits)
        {
            BytesPerPixel = bytesPerPixel;
            RedShift = redShift;
            RedBits = redBits;
            GreenShift = greenShift;
            GreenBits = greenBits;
            BlueShift = blueShift;
            BlueBits = blueBits;
        }

        /// <summary>The usual layout for <paramref name="bitsPerPixel"/>; false for a depth this console cannot draw.</summary>
        public static bool TryForDepth(int bitsPerPixel, out PixelFormat format)
        {
            switch (bitsPerPixel)
            {
                case 32:
                    format = new PixelFormat(4, 16, 8, 8, 8, 0, 8);
                    return true;
                case 24:
                    format = new PixelFormat(3, 16, 8, 8, 8, 0, 8);
                    return true;
                case 16:
                    format = new PixelFormat(2, 11, 5, 5, 6, 0, 5);
                    return true;
                case 15:
                    format = new PixelFormat(2, 10, 5, 5, 5, 0, 5);
                    return true;
                default:
                    format = default;
                    return false;
            }
        }

        /// <summary>The pixel value of the colour 0xRRGGBB (each component cut to its field's width).</summary>
        public uint Encode(uint rgb)
        {
            uint red = (rgb >> 16) & 0xFF;
            uint green = (rgb >> 8) & 0xFF;
            uint blue = rgb & 0xFF;
            return (red >> (8 - RedBits)) << RedShift | (green >> (8 - GreenBits)) << GreenShift | (blue >> (8 - BlueBits)) << BlueShift;
        }
    }
}
