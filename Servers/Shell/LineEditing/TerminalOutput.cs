namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// The bytes the line editor sends to a VT100 terminal for one key: plain ASCII and the few control sequences it
    /// uses (BEL, CR LF, ESC [ K erase to end of line, ESC [ n C and ESC [ n D cursor right and left). Built in a
    /// growing char array so it needs neither StringBuilder nor number formatting from the core library.
    /// </summary>
    internal sealed class TerminalOutput
    {
        private const char Escape = '\x1b';

        private char[] _characters = new char[64];
        private int _length;

        public void Append(char character)
        {
            if (_length == _characters.Length)
            {
                char[] larger = new char[_characters.Length * 2];
                for (int index = 0; index < _length; index++)
                {
                    larger[index] = _characters[index];
                }

                _characters = larger;
            }

            _characters[_length] = character;
            _length++;
        }

        public void Append(string text)
        {
            for (int index = 0; index < text.Length; index++)
            {
                Append(text[index]);
            }
        }

        public void Bell()
        {
            Append('\a');
        }

        public void NewLine()
        {
            Append('\r');
            Append('\n');
        }

        public void EraseToEndOfLine()
        {
            Append(Escape);
            Append('[');
            Append('K');
        }

        /// <summary>Moves the cursor <paramref name="columns"/> left (negative: right); nothing for 0.</summary>
        public void MoveLeft(int columns)
        {
            if (columns < 0)
            {
                MoveRight(-columns);
                return;
            }

            if (columns > 0)
            {
                AppendCursorMove(columns, 'D');
            }
        }

        /// <summary>Moves the cursor <paramref name="columns"/> right (negative: left); nothing for 0.</summary>
        public void MoveRight(int columns)
        {
            if (columns < 0)
            {
                MoveLeft(-columns);
                return;
            }

            if (columns > 0)
            {
                AppendCursorMove(columns, 'C');
            }
        }

        public override string ToString()
        {
            return new string(_characters, 0, _length);
        }

        private void AppendCursorMove(int columns, char final)
        {
            Append(Escape);
            Append('[');
            AppendNumber(columns);
            Append(final);
        }

        private void AppendNumber(int value)
        {
            int divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                Append((char)('0' + value / divisor % 10));
                divisor /= 10;
            }
        }
    }
}
