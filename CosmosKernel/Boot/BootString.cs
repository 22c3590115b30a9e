namespace CosmosKernel.Boot
{
    /// <summary>
    /// A byte string handed over by the boot loader (the command line, a module's string), viewed in place:
    /// no heap is needed to read it. Bytes are treated as ASCII. Pure logic: compiled into the host tests.
    /// </summary>
    internal readonly unsafe struct BootString
    {
        private readonly byte* _bytes;
        private readonly int _length;

        /// <summary>Views <paramref name="length"/> bytes at <paramref name="bytes"/> (not NUL-terminated: the length is exact).</summary>
        public BootString(byte* bytes, int length)
        {
            _bytes = bytes;
            _length = bytes == null ? 0 : length;
        }

        public int Length => _length;

        public bool IsEmpty => _length == 0;

        /// <summary>The byte at <paramref name="index"/>. Precondition: 0 &lt;= index &lt; Length.</summary>
        public byte this[int index] => _bytes[index];

        /// <summary>True when the whole string equals <paramref name="text"/>.</summary>
        public bool EqualsText(string text) => text.Length == _length && MatchesAt(0, text);

        /// <summary>
        /// True when <paramref name="word"/> appears as a whole space-separated word: "selftest" is a word of
        /// "a selftest b" but not of "selftests"; "fault=null" is a word of "fault=null shutdown".
        /// </summary>
        public bool HasWord(string word)
        {
            int position = 0;
            while (position < _length)
            {
                while (position < _length && IsSeparator(_bytes[position]))
                {
                    position++;
                }
                int start = position;
                while (position < _length && !IsSeparator(_bytes[position]))
                {
                    position++;
                }
                if (position - start == word.Length && word.Length > 0 && MatchesAt(start, word))
                {
                    return true;
                }
            }
            return false;
        }

        private bool MatchesAt(int start, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (_bytes[start + i] != text[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool IsSeparator(byte value) => value == (byte)' ' || value == (byte)'\t';
    }
}
