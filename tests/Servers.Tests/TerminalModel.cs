using System;

namespace Servers.Tests
{
    /// <summary>
    /// A tiny VT100 model for checking the line editor's output: one row of cells (CR LF starts a fresh row), printable
    /// ASCII, BS, BEL (ignored), ESC [ K, ESC [ n C and ESC [ n D. Anything else fails the test.
    /// </summary>
    internal sealed class TerminalModel
    {
        private const int Width = 1024;

        private readonly char[] _cells = new char[Width];

        public int Column { get; private set; }

        public int RowsStarted { get; private set; }

        /// <summary>The current row up to its last written cell; unwritten cells inside it show as '\0'.</summary>
        public string Row
        {
            get
            {
                int end = Width;
                while (end > 0 && _cells[end - 1] == '\0')
                {
                    end--;
                }

                return new string(_cells, 0, end);
            }
        }

        public void Write(string output)
        {
            int index = 0;
            while (index < output.Length)
            {
                char character = output[index];
                index++;
                if (character >= ' ' && character <= '~')
                {
                    _cells[Column] = character;
                    Column++;
                }
                else if (character == '\b')
                {
                    Column = Math.Max(0, Column - 1);
                }
                else if (character == '\a')
                {
                }
                else if (character == '\r')
                {
                    Column = 0;
                }
                else if (character == '\n')
                {
                    Array.Clear(_cells);
                    RowsStarted++;
                }
                else if (character == '\x1b')
                {
                    index = ReadSequence(output, index);
                }
                else
                {
                    throw new InvalidOperationException("unexpected byte " + (int)character);
                }
            }
        }

        private int ReadSequence(string output, int index)
        {
            if (output[index] != '[')
            {
                throw new InvalidOperationException("escape without '['");
            }

            index++;
            int count = 0;
            bool hasCount = false;
            while (char.IsAsciiDigit(output[index]))
            {
                count = count * 10 + (output[index] - '0');
                hasCount = true;
                index++;
            }

            if (!hasCount)
            {
                count = 1;
            }

            char final = output[index];
            index++;
            switch (final)
            {
                case 'K':
                    Array.Clear(_cells, Column, Width - Column);
                    break;
                case 'C':
                    Column += count;
                    break;
                case 'D':
                    Column = Math.Max(0, Column - count);
                    break;
                default:
                    throw new InvalidOperationException("unexpected sequence final " + final);
            }

            return index;
        }
    }
}
