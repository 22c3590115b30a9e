namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// The colours a console draws with: the sixteen VGA colours as 0xRRGGBB (what a VGA's default DAC holds), and the
    /// map from the eight ANSI colour numbers of SGR 30-37 / 40-47 (black, red, green, yellow, blue, magenta, cyan,
    /// white) to VGA indices, which order them differently.
    /// </summary>
    public static class VgaPalette
    {
        /// <summary>0xRRGGBB of <paramref name="color"/>.</summary>
        public static uint RgbOf(VgaColor color)
        {
            switch (color)
            {
                case VgaColor.Black: return 0x000000;
                case VgaColor.Blue: return 0x0000AA;
                case VgaColor.Green: return 0x00AA00;
                case VgaColor.Cyan: return 0x00AAAA;
                case VgaColor.Red: return 0xAA0000;
                case VgaColor.Magenta: return 0xAA00AA;
                case VgaColor.Brown: return 0xAA5500;
                case VgaColor.LightGray: return 0xAAAAAA;
                case VgaColor.DarkGray: return 0x555555;
                case VgaColor.LightBlue: return 0x5555FF;
                case VgaColor.LightGreen: return 0x55FF55;
                case VgaColor.LightCyan: return 0x55FFFF;
                case VgaColor.LightRed: return 0xFF5555;
                case VgaColor.LightMagenta: return 0xFF55FF;
                case VgaColor.Yellow: return 0xFFFF55;
                default: return 0xFFFFFF;
            }
        }

        /// <summary>The VGA colour of ANSI colour <paramref name="ansi"/> (0-7; bit 3 kept as the bright bit).</summary>
        public static VgaColor FromAnsi(int ansi)
        {
            int bright = ansi & 8;
            int vga;
            switch (ansi & 7)
            {
                case 1: vga = 4; break;  // red
                case 3: vga = 6; break;  // yellow (brown when dim)
                case 4: vga = 1; break;  // blue
                case 6: vga = 3; break;  // cyan
                default: vga = ansi & 7; break;  // black, green, magenta, white are at the same index
            }
            return (VgaColor)(vga | bright);
        }
    }
}
