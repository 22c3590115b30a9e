namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// Draws character cells into a linear framebuffer with <see cref="ConsoleFont"/>: cell (c, r) covers pixels 8c to
    /// 8c + 7 across and 16r to 16r + 15 down. The cursor's cell is drawn with its colours swapped (a block cursor).
    /// Pixels are only ever written, never read (the framebuffer is mapped uncached, where reads are slow). Pure logic over
    /// the memory it is given; the caller guarantees that <c>pitch × height</c> bytes from the base are mapped.
    /// </summary>
    public sealed unsafe class FramebufferPainter : CellCanvas
    {
        private readonly byte* _base;
        private readonly int _pitch;
        private readonly int _width;
        private readonly int _height;
        private readonly PixelFormat _format;
        private readonly uint[] _pixels = new uint[16];

        public FramebufferPainter(byte* framebuffer, int pitch, int width, int height, PixelFormat format)
        {
            _base = framebuffer;
            _pitch = pitch;
            _width = width;
            _height = height;
            _format = format;
            for (int color = 0; color < 16; color++)
            {
                _pixels[color] = format.Encode(VgaPalette.RgbOf((VgaColor)color));
            }
        }

        /// <summary>Text columns that fit.</summary>
        public int Columns => _width / ConsoleFont.Width;

        /// <summary>Text rows that fit.</summary>
        public int Rows => _height / ConsoleFont.Height;

        public override bool DrawsCursorInCell => true;

        /// <summary>Fills the whole framebuffer, the margin beyond the last whole cell included, with <paramref name="color"/>.</summary>
        public void Fill(VgaColor color)
        {
            uint pixel = _pixels[(int)color & 0x0F];
            for (int y = 0; y < _height; y++)
            {
                byte* line = _base + (long)y * _pitch;
                for (int x = 0; x < _width; x++)
                {
                    WritePixel(line + x * _format.BytesPerPixel, pixel);
                }
            }
        }

        public override void DrawCell(int column, int row, ScreenCell cell, bool cursor)
        {
            if ((uint)column >= (uint)Columns || (uint)row >= (uint)Rows)
            {
                return;
            }
            uint foreground = _pixels[(int)cell.Foreground];
            uint background = _pixels[(int)cell.Background];
            if (cursor)
            {
                uint swapped = foreground;
                foreground = background;
                background = swapped;
            }
            int bytesPerPixel = _format.BytesPerPixel;
            byte* cellOrigin = _base + (long)row * ConsoleFont.Height * _pitch + (long)column * ConsoleFont.Width * bytesPerPixel;
            for (int y = 0; y < ConsoleFont.Height; y++)
            {
                int bits = ConsoleFont.RowBits(cell.Character, y);
                byte* pixel = cellOrigin + (long)y * _pitch;
                for (int x = 0; x < ConsoleFont.Width; x++)
                {
                    WritePixel(pixel, (bits & (0x80 >> x)) != 0 ? foreground : background);
                    pixel += bytesPerPixel;
                }
            }
        }

        // The framebuffer draws its cursor in the cell.
        public override void PlaceCursor(int column, int row)
        {
        }

        private void WritePixel(byte* pixel, uint value)
        {
            switch (_format.BytesPerPixel)
            {
                case 4:
                    *(uint*)pixel = value;
                    break;
                case 3:
                    pixel[0] = (byte)value;
                    pixel[1] = (byte)(value >> 8);
                    pixel[2] = (byte)(value >> 16);
                    break;
                default:
                    *(ushort*)pixel = (ushort)value;
                    break;
            }
        }
    }
}
