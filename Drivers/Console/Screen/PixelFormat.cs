namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// How a direct-colour framebuffer stores a pixel: its size in bytes and where red, green and blue sit in it, as the
    /// boot loader reported (<see cref="TryFromFields"/>) or, when it did not, the usual layout for the depth
    /// (<see cref="TryForDepth"/>): 32 and 24 bits are 8:8:8 with red at bit 16 (what UEFI GOP and VBE modes mostly give),
    /// 16 bits is 5:6:5 and 15 bits 5:5:5.
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

        /// <summary>
        /// The layout the boot loader reported: each colour's lowest bit and width. False when they do not describe a pixel
        /// of 15, 16, 24 or 32 bits with fields of 1 to 8 bits inside it (a loader that reported none gives all zeros).
        /// </summary>
        public static bool TryFromFields(int bitsPerPixel, int redShift, int redBits, int greenShift, int greenBits, int blueShift, int blueBits, out PixelFormat format)
        {
            format = default;
            if (bitsPerPixel != 15 && bitsPerPixel != 16 && bitsPerPixel != 24 && bitsPerPixel != 32)
            {
                return false;
            }
            int bytesPerPixel = (bitsPerPixel + 7) / 8;
            if (!FieldFits(redShift, redBits, bytesPerPixel) || !FieldFits(greenShift, greenBits, bytesPerPixel) || !FieldFits(blueShift, blueBits, bytesPerPixel))
            {
                return false;
            }
            format = new PixelFormat(bytesPerPixel, redShift, redBits, greenShift, greenBits, blueShift, blueBits);
            return true;
        }

        private static bool FieldFits(int shift, int bits, int bytesPerPixel) => bits >= 1 && bits <= 8 && shift >= 0 && shift + bits <= bytesPerPixel * 8;

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
