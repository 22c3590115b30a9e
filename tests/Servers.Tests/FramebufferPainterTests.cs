using Cosmos.Drivers.Console.Screen;
using Xunit;

namespace Servers.Tests
{
    public unsafe class FramebufferPainterTests
    {
        [Theory]
        [InlineData(32, 4)]
        [InlineData(24, 3)]
        [InlineData(16, 2)]
        [InlineData(15, 2)]
        public void KnowsTheUsualDepths(int bitsPerPixel, int bytesPerPixel)
        {
            Assert.True(PixelFormat.TryForDepth(bitsPerPixel, out PixelFormat format));
            Assert.Equal(bytesPerPixel, format.BytesPerPixel);
        }

        [Fact]
        public void RefusesAnUnknownDepth()
        {
            Assert.False(PixelFormat.TryForDepth(8, out _));
        }

        [Fact]
        public void TakesTheBootLoadersColourFieldsWhenTheyFit()
        {
            Assert.True(PixelFormat.TryFromFields(32, 0, 8, 8, 8, 16, 8, out PixelFormat rgbx));
            Assert.Equal(4, rgbx.BytesPerPixel);
            Assert.Equal(0x0055AAFFu, rgbx.Encode(0xFFAA55));

            Assert.False(PixelFormat.TryFromFields(32, 0, 0, 0, 0, 0, 0, out _));   // not reported
            Assert.False(PixelFormat.TryFromFields(16, 11, 5, 5, 6, 12, 5, out _)); // blue runs past 16 bits
            Assert.False(PixelFormat.TryFromFields(8, 5, 3, 2, 3, 0, 2, out _));    // 8 bits: not drawn
            Assert.False(PixelFormat.TryFromFields(32, 16, 9, 8, 8, 0, 8, out _));  // a field wider than 8 bits
        }

        [Fact]
        public void EncodesColoursIntoEachLayout()
        {
            PixelFormat.TryForDepth(32, out PixelFormat rgb32);
            PixelFormat.TryForDepth(16, out PixelFormat rgb16);

            Assert.Equal(0x00FF5555u, rgb32.Encode(0xFF5555));
            Assert.Equal(0xF800u, rgb16.Encode(0xFF0000));
            Assert.Equal(0x07E0u, rgb16.Encode(0x00FF00));
            Assert.Equal(0x001Fu, rgb16.Encode(0x0000FF));
        }

        [Fact]
        public void EveryPrintableGlyphHasPixelsExceptSpaceAndTheyAreDistinct()
        {
            var seen = new System.Collections.Generic.HashSet<string>();
            for (int character = ConsoleFont.FirstCharacter; character <= ConsoleFont.LastCharacter; character++)
            {
                var rows = new byte[ConsoleFont.Height];
                for (int row = 0; row < ConsoleFont.Height; row++)
                {
                    rows[row] = ConsoleFont.RowBits((byte)character, row);
                    // Pixel column 0 and row 0 stay blank: the gap between characters and lines.
                    Assert.Equal(0, rows[row] & 0x80);
                }
                Assert.Equal(0, rows[0]);
                bool any = System.Array.Exists(rows, bits => bits != 0);
                Assert.Equal(character != ' ', any);
                Assert.True(seen.Add(System.Convert.ToHexString(rows)), $"Glyph of '{(char)character}' repeats another.");
            }
        }

        [Fact]
        public void DrawsACellsGlyphInItsColoursAtItsPlace()
        {
            const int width = 24;
            const int height = 32;
            const int pitch = width * 4 + 16;
            byte[] memory = new byte[pitch * height];
            PixelFormat.TryForDepth(32, out PixelFormat format);
            fixed (byte* pixels = memory)
            {
                var painter = new FramebufferPainter(pixels, pitch, width, height, format);
                Assert.Equal(3, painter.Columns);
                Assert.Equal(2, painter.Rows);

                painter.DrawCell(2, 1, new ScreenCell((byte)'H', ScreenCell.AttributeOf(VgaColor.Yellow, VgaColor.Blue)), cursor: false);

                for (int y = 0; y < ConsoleFont.Height; y++)
                {
                    int bits = ConsoleFont.RowBits((byte)'H', y);
                    for (int x = 0; x < ConsoleFont.Width; x++)
                    {
                        uint pixel = *(uint*)(pixels + (16 + y) * pitch + (16 + x) * 4);
                        Assert.Equal((bits & (0x80 >> x)) != 0 ? 0xFFFF55u : 0x0000AAu, pixel);
                    }
                }
                // Nothing outside the cell was touched.
                Assert.Equal(0u, *(uint*)(pixels + 15 * pitch + 16 * 4));
                Assert.Equal(0u, *(uint*)(pixels + 16 * pitch + 15 * 4));
            }
        }

        [Fact]
        public void TheCursorCellHasItsColoursSwappedAndCellsOffTheGridAreIgnored()
        {
            const int width = 8;
            const int height = 16;
            byte[] memory = new byte[width * height * 2];
            PixelFormat.TryForDepth(16, out PixelFormat format);
            fixed (byte* pixels = memory)
            {
                var painter = new FramebufferPainter(pixels, width * 2, width, height, format);
                painter.DrawCell(0, 0, new ScreenCell((byte)' ', ScreenCell.AttributeOf(VgaColor.White, VgaColor.Black)), cursor: true);

                Assert.Equal((ushort)0xFFFF, *(ushort*)pixels);

                painter.DrawCell(1, 0, new ScreenCell((byte)'x', 0x0F), cursor: false);
                painter.DrawCell(0, -1, new ScreenCell((byte)'x', 0x0F), cursor: false);
            }
        }
    }
}
