using Cosmos.Api;
using Cosmos.Drivers.Console.Screen;

namespace Cosmos.Drivers.Console
{
    /// <summary>
    /// The VGA text-mode back end: cell (c, r) is the 16-bit word at 2 × (80r + c) in the text memory at physical 0xB8000
    /// (character in the low byte, attribute in the high byte), and the hardware draws the cursor where the CRTC's cursor
    /// location registers (0x0E high byte, 0x0F low byte, through index port 0x3D4 and data port 0x3D5) point.
    /// </summary>
    internal sealed unsafe class VgaTextCanvas : CellCanvas
    {
        public const ulong TextMemoryPhysical = 0xB8000;
        public const int TextMemorySizeLog2 = 15;
        public const int Columns = 80;
        public const int Rows = 25;

        private const ushort CrtcIndexPort = 0x3D4;
        private const ushort CrtcDataPort = 0x3D5;
        private const byte CursorStartRegister = 0x0A;
        private const byte CursorLocationHighRegister = 0x0E;
        private const byte CursorLocationLowRegister = 0x0F;
        private const byte CursorDisabledBit = 0x20;

        private readonly ushort* _cells;

        /// <summary>Draws into the text memory mapped at <paramref name="textMemory"/>; the caller has enabled the CRTC ports.</summary>
        public VgaTextCanvas(ushort* textMemory)
        {
            _cells = textMemory;
            // The firmware may have switched the cursor off (bit 5 of the cursor start register); switch it on, keeping its shape.
            PortIo.OutByte(CrtcIndexPort, CursorStartRegister);
            byte start = PortIo.InByte(CrtcDataPort);
            PortIo.OutByte(CrtcDataPort, (byte)(start & ~CursorDisabledBit));
        }

        public override bool DrawsCursorInCell => false;

        public override void DrawCell(int column, int row, ScreenCell cell, bool cursor)
        {
            if ((uint)column < Columns && (uint)row < Rows)
            {
                _cells[row * Columns + column] = (ushort)(cell.Character | cell.Attribute << 8);
            }
        }

        public override void PlaceCursor(int column, int row)
        {
            int position = row * Columns + column;
            PortIo.OutByte(CrtcIndexPort, CursorLocationHighRegister);
            PortIo.OutByte(CrtcDataPort, (byte)(position >> 8));
            PortIo.OutByte(CrtcIndexPort, CursorLocationLowRegister);
            PortIo.OutByte(CrtcDataPort, (byte)position);
        }
    }
}
