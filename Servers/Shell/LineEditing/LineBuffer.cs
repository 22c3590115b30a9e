namespace Cosmos.Servers.Shell.LineEditing
{
    /// <summary>
    /// A line of at most <see cref="Capacity"/> characters with a cursor between 0 and <see cref="Length"/>. Every
    /// operation that cannot be done (buffer full, nothing to delete, cursor already at the edge) returns false and
    /// changes nothing.
    /// </summary>
    internal sealed class LineBuffer
    {
        public const int DefaultCapacity = 256;

        private readonly char[] _characters;

        public LineBuffer(int capacity)
        {
            _characters = new char[capacity];
        }

        public LineBuffer()
            : this(DefaultCapacity)
        {
        }

        public int Capacity => _characters.Length;

        public int Length { get; private set; }

        /// <summary>The insertion point: the index of the character the cursor stands on (Length at the end).</summary>
        public int Cursor { get; private set; }

        public string Text => new string(_characters, 0, Length);

        public string TextBeforeCursor => new string(_characters, 0, Cursor);

        /// <summary>The characters from <paramref name="start"/> to the end of the line.</summary>
        public string TextFrom(int start)
        {
            return new string(_characters, start, Length - start);
        }

        public char CharacterAt(int index)
        {
            return _characters[index];
        }

        /// <summary>Inserts at the cursor and moves the cursor past the character; false when the line is full.</summary>
        public bool Insert(char character)
        {
            if (Length == Capacity)
            {
                return false;
            }

            for (int index = Length; index > Cursor; index--)
            {
                _characters[index] = _characters[index - 1];
            }

            _characters[Cursor] = character;
            Length++;
            Cursor++;
            return true;
        }

        /// <summary>Inserts all of <paramref name="text"/> at the cursor, or nothing when it does not fit.</summary>
        public bool InsertText(string text)
        {
            if (Length + text.Length > Capacity)
            {
                return false;
            }

            for (int index = 0; index < text.Length; index++)
            {
                Insert(text[index]);
            }

            return true;
        }

        /// <summary>Removes the character before the cursor (backspace).</summary>
        public bool DeleteBeforeCursor()
        {
            if (Cursor == 0)
            {
                return false;
            }

            Cursor--;
            RemoveAt(Cursor);
            return true;
        }

        /// <summary>Removes the character under the cursor (delete).</summary>
        public bool DeleteAtCursor()
        {
            if (Cursor == Length)
            {
                return false;
            }

            RemoveAt(Cursor);
            return true;
        }

        public bool MoveLeft()
        {
            if (Cursor == 0)
            {
                return false;
            }

            Cursor--;
            return true;
        }

        public bool MoveRight()
        {
            if (Cursor == Length)
            {
                return false;
            }

            Cursor++;
            return true;
        }

        /// <summary>Moves the cursor to the start; returns how many columns it moved.</summary>
        public int MoveHome()
        {
            int distance = Cursor;
            Cursor = 0;
            return distance;
        }

        /// <summary>Moves the cursor to the end; returns how many columns it moved.</summary>
        public int MoveEnd()
        {
            int distance = Length - Cursor;
            Cursor = Length;
            return distance;
        }

        /// <summary>Replaces the line (cut to the capacity) and puts the cursor at its end.</summary>
        public void SetText(string text)
        {
            int length = text.Length < Capacity ? text.Length : Capacity;
            for (int index = 0; index < length; index++)
            {
                _characters[index] = text[index];
            }

            Length = length;
            Cursor = length;
        }

        public void Clear()
        {
            Length = 0;
            Cursor = 0;
        }

        private void RemoveAt(int position)
        {
            for (int index = position; index < Length - 1; index++)
            {
                _characters[index] = _characters[index + 1];
            }

            Length--;
        }
    }
}
