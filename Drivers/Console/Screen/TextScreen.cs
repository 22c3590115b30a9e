using System;

namespace Cosmos.Drivers.Console.Screen
{
    /// <summary>
    /// The console's text screen as a grid of <see cref="ScreenCell"/>s with a cursor, the current colours, line wrap and
    /// scrolling: what the terminal interpreter changes and the back ends draw. Every row that changes is marked damaged
    /// until <see cref="ClearDamage"/>, so a back end redraws only those. Wrap is deferred as on a VT100: a character
    /// written in the last column leaves the cursor there, and only the next printable character goes to the next line,
    /// so a full line followed by CR LF does not leave an empty line. Pure logic; every position is clamped, nothing throws.
    /// </summary>
    public sealed class TextScreen
    {
        /// <summary>The most columns or rows a screen may have (a 4K framebuffer gives 480 x 135).</summary>
        public const int MaximumDimension = 1024;

        public const VgaColor DefaultForeground = VgaColor.LightGray;
        public const VgaColor DefaultBackground = VgaColor.Black;

        /// <summary>Tab stops are every this many columns.</summary>
        public const int TabWidth = 8;

        private readonly int _columns;
        private readonly int _rows;
        private readonly ScreenCell[] _cells;
        private readonly bool[] _damaged;
        private int _cursorColumn;
        private int _cursorRow;
        private bool _wrapPending;
        private bool _anyDamage;
        private VgaColor _foreground = DefaultForeground;
        private VgaColor _background = DefaultBackground;
        private bool _bold;
        private bool _reverse;

        /// <summary>A blank screen of <paramref name="columns"/> x <paramref name="rows"/> (each clamped to 1..<see cref="MaximumDimension"/>), all rows damaged.</summary>
        public TextScreen(int columns, int rows)
        {
            _columns = Clamp(columns, 1, MaximumDimension);
            _rows = Clamp(rows, 1, MaximumDimension);
            _cells = new ScreenCell[_columns * _rows];
            _damaged = new bool[_rows];
            Clear();
        }

        public int Columns => _columns;

        public int Rows => _rows;

        /// <summary>The cursor's column, 0 to Columns - 1.</summary>
        public int CursorColumn => _cursorColumn;

        /// <summary>The cursor's row, 0 to Rows - 1.</summary>
        public int CursorRow => _cursorRow;

        /// <summary>Whether any row changed since the last <see cref="ClearDamage"/>.</summary>
        public bool HasDamage => _anyDamage;

        /// <summary>The attribute that printed and erased cells get now: the colours, bright when bold, swapped when reverse.</summary>
        public byte CurrentAttribute
        {
            get
            {
                VgaColor foreground = _bold ? (VgaColor)((int)_foreground | 8) : _foreground;
                return _reverse ? ScreenCell.AttributeOf(_background, foreground) : ScreenCell.AttributeOf(foreground, _background);
            }
        }

        /// <summary>The cell at <paramref name="column"/>, <paramref name="row"/> (a blank cell outside the screen).</summary>
        public ScreenCell CellAt(int column, int row)
        {
            if ((uint)column >= (uint)_columns || (uint)row >= (uint)_rows)
            {
                return new ScreenCell((byte)' ', ScreenCell.AttributeOf(DefaultForeground, DefaultBackground));
            }
            return _cells[row * _columns + column];
        }

        /// <summary>Whether <paramref name="row"/> changed since the last <see cref="ClearDamage"/>.</summary>
        public bool IsRowDamaged(int row) => (uint)row < (uint)_rows && _damaged[row];

        /// <summary>Forgets the damage (after the back end drew it).</summary>
        public void ClearDamage()
        {
            Array.Clear(_damaged, 0, _rows);
            _anyDamage = false;
        }

        /// <summary>Writes <paramref name="character"/> at the cursor with the current attribute and advances it (wrapping first if a wrap is pending).</summary>
        public void Print(byte character)
        {
            if (_wrapPending)
            {
                _wrapPending = false;
                _cursorColumn = 0;
                LineFeed();
            }
            _cells[_cursorRow * _columns + _cursorColumn] = new ScreenCell(character, CurrentAttribute);
            Damage(_cursorRow);
            if (_cursorColumn == _columns - 1)
            {
                _wrapPending = true;
            }
            else
            {
                _cursorColumn++;
            }
        }

        public void CarriageReturn()
        {
            _wrapPending = false;
            _cursorColumn = 0;
        }

        /// <summary>Moves the cursor one row down, scrolling the screen up one row when it is on the last row.</summary>
        public void LineFeed()
        {
            _wrapPending = false;
            if (_cursorRow == _rows - 1)
            {
                ScrollUp();
            }
            else
            {
                _cursorRow++;
            }
        }

        /// <summary>Moves the cursor one column left (not past column 0); erases nothing.</summary>
        public void Backspace()
        {
            _wrapPending = false;
            if (_cursorColumn > 0)
            {
                _cursorColumn--;
            }
        }

        /// <summary>Moves the cursor to the next tab stop, at most to the last column.</summary>
        public void Tab()
        {
            _wrapPending = false;
            int next = (_cursorColumn / TabWidth + 1) * TabWidth;
            _cursorColumn = next > _columns - 1 ? _columns - 1 : next;
        }

        /// <summary>Moves the cursor by <paramref name="rows"/> and <paramref name="columns"/> (either may be negative), stopping at the edges.</summary>
        public void MoveCursor(int rows, int columns)
        {
            _wrapPending = false;
            _cursorRow = Clamp((long)_cursorRow + rows, 0, _rows - 1);
            _cursorColumn = Clamp((long)_cursorColumn + columns, 0, _columns - 1);
        }

        /// <summary>Puts the cursor at <paramref name="row"/>, <paramref name="column"/> (from 0), clamped to the screen.</summary>
        public void SetCursor(int row, int column)
        {
            _wrapPending = false;
            _cursorRow = Clamp(row, 0, _rows - 1);
            _cursorColumn = Clamp(column, 0, _columns - 1);
        }

        /// <summary>Erases in the cursor's line: 0 from the cursor to the end, 1 from the start to the cursor, 2 all of it. The cursor stays.</summary>
        public void EraseInLine(int mode)
        {
            _wrapPending = false;
            switch (mode)
            {
                case 0:
                    EraseCells(_cursorRow, _cursorColumn, _columns);
                    break;
                case 1:
                    EraseCells(_cursorRow, 0, _cursorColumn + 1);
                    break;
                case 2:
                    EraseCells(_cursorRow, 0, _columns);
                    break;
            }
        }

        /// <summary>Erases in the screen: 0 from the cursor to the end, 1 from the start to the cursor, 2 all of it. The cursor stays.</summary>
        public void EraseInDisplay(int mode)
        {
            _wrapPending = false;
            switch (mode)
            {
                case 0:
                    EraseCells(_cursorRow, _cursorColumn, _columns);
                    for (int row = _cursorRow + 1; row < _rows; row++)
                    {
                        EraseCells(row, 0, _columns);
                    }
                    break;
                case 1:
                    for (int row = 0; row < _cursorRow; row++)
                    {
                        EraseCells(row, 0, _columns);
                    }
                    EraseCells(_cursorRow, 0, _cursorColumn + 1);
                    break;
                case 2:
                    for (int row = 0; row < _rows; row++)
                    {
                        EraseCells(row, 0, _columns);
                    }
                    break;
            }
        }

        /// <summary>Blanks the whole screen with the default colours, puts the cursor home and resets the attributes.</summary>
        public void Clear()
        {
            ResetAttributes();
            EraseInDisplay(2);
            _cursorRow = 0;
            _cursorColumn = 0;
        }

        /// <summary>Moves every row up by one; the first row is lost and the last is blank (current background). The cursor stays.</summary>
        public void ScrollUp()
        {
            Array.Copy(_cells, _columns, _cells, 0, _columns * (_rows - 1));
            EraseCells(_rows - 1, 0, _columns);
            for (int row = 0; row < _rows; row++)
            {
                Damage(row);
            }
        }

        /// <summary>SGR 0: default colours, not bold, not reversed.</summary>
        public void ResetAttributes()
        {
            _foreground = DefaultForeground;
            _background = DefaultBackground;
            _bold = false;
            _reverse = false;
        }

        public void SetBold(bool bold) => _bold = bold;

        public void SetReverse(bool reverse) => _reverse = reverse;

        /// <summary>The foreground colour (bold adds the bright bit when the colour is one of the dim eight).</summary>
        public void SetForeground(VgaColor color) => _foreground = color;

        public void SetBackground(VgaColor color) => _background = color;

        private void EraseCells(int row, int fromColumn, int toColumn)
        {
            byte attribute = CurrentAttribute;
            int start = row * _columns;
            for (int column = fromColumn; column < toColumn; column++)
            {
                _cells[start + column] = new ScreenCell((byte)' ', attribute);
            }
            Damage(row);
        }

        private void Damage(int row)
        {
            _damaged[row] = true;
            _anyDamage = true;
        }

        private static int Clamp(long value, int minimum, int maximum) => value < minimum ? minimum : value > maximum ? maximum : (int)value;
    }
}
