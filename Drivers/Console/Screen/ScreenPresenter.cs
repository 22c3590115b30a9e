namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// Brings a <see cref="CellCanvas"/> up to date with a <see cref="TextScreen"/>: it remembers what each cell of the
    /// canvas shows and, in the rows the screen marks damaged, draws only the cells that differ (after a scroll most
    /// cells of a mostly empty screen are unchanged, which matters on a framebuffer where a cell is 128 pixels). The
    /// cursor's old and new cells are redrawn when it moves. Pure logic.
    /// </summary>
    public sealed class ScreenPresenter
    {
        private readonly TextScreen _screen;
        private readonly CellCanvas _canvas;
        private readonly ScreenCell[] _shown;
        private readonly bool[] _valid;
        private readonly bool[] _shownAsCursor;
        private int _shownCursor = -1;
        private int _cellsDrawn;

        public ScreenPresenter(TextScreen screen, CellCanvas canvas)
        {
            _screen = screen;
            _canvas = canvas;
            _shown = new ScreenCell[screen.Columns * screen.Rows];
            _valid = new bool[screen.Columns * screen.Rows];
            _shownAsCursor = new bool[screen.Columns * screen.Rows];
        }

        /// <summary>Cells drawn since the presenter was made (a measure of the work done).</summary>
        public int CellsDrawn => _cellsDrawn;

        /// <summary>Draws what changed since the last call and clears the screen's damage.</summary>
        public void Present()
        {
            int columns = _screen.Columns;
            int cursor = _screen.CursorRow * columns + _screen.CursorColumn;
            bool drawsCursor = _canvas.DrawsCursorInCell;
            int oldCursor = _shownCursor;
            for (int row = 0; row < _screen.Rows; row++)
            {
                if (!_screen.IsRowDamaged(row))
                {
                    continue;
                }
                for (int column = 0; column < columns; column++)
                {
                    DrawIfChanged(column, row, cursor, drawsCursor);
                }
            }
            if (oldCursor != cursor)
            {
                if (oldCursor >= 0)
                {
                    DrawIfChanged(oldCursor % columns, oldCursor / columns, cursor, drawsCursor);
                }
                DrawIfChanged(cursor % columns, cursor / columns, cursor, drawsCursor);
                if (!drawsCursor)
                {
                    _canvas.PlaceCursor(_screen.CursorColumn, _screen.CursorRow);
                }
            }
            _shownCursor = cursor;
            _screen.ClearDamage();
        }

        private void DrawIfChanged(int column, int row, int cursor, bool drawsCursor)
        {
            int index = row * _screen.Columns + column;
            ScreenCell cell = _screen.CellAt(column, row);
            bool isCursor = drawsCursor && index == cursor;
            if (_valid[index] && cell.SameAs(_shown[index]) && isCursor == _shownAsCursor[index])
            {
                return;
            }
            _canvas.DrawCell(column, row, cell, isCursor);
            _shown[index] = cell;
            _valid[index] = true;
            _shownAsCursor[index] = isCursor;
            _cellsDrawn++;
        }
    }
}
