using System.Runtime.CompilerServices;

namespace System
{
    public sealed unsafe partial class String
    {
        public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            }
            if ((uint)length > (uint)(Length - startIndex))
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            }
            if (length == Length)
            {
                return this;
            }
            return CreateFromChars(ref Unsafe.Add(ref _firstChar, startIndex), length);
        }

        public char[] ToCharArray() => this.AsSpan().ToArray();

        public char[] ToCharArray(int startIndex, int length) => this.AsSpan(startIndex, length).ToArray();

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
            {
                ThrowHelpers.ThrowArgumentNullException("destination");
            }
            this.AsSpan(sourceIndex, count).CopyTo(destination.AsSpan(destinationIndex));
        }

        public void CopyTo(Span<char> destination) => this.AsSpan().CopyTo(destination);

        public string Insert(int startIndex, string value)
        {
            if (value == null)
            {
                ThrowHelpers.ThrowArgumentNullException("value");
            }
            if ((uint)startIndex > (uint)Length)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            }
            return Concat(this.AsSpan(0, startIndex), value, this.AsSpan(startIndex));
        }

        public string Remove(int startIndex) => Substring(0, startIndex);

        public string Remove(int startIndex, int count)
        {
            if ((uint)startIndex > (uint)Length || (uint)count > (uint)(Length - startIndex))
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException(count < 0 ? "count" : "startIndex");
            }
            return Concat(this.AsSpan(0, startIndex), this.AsSpan(startIndex + count));
        }

        public string Replace(char oldChar, char newChar)
        {
            int first = IndexOf(oldChar);
            if (first < 0)
            {
                return this;
            }
            string result = FastAllocateString(Length);
            fixed (char* source = &_firstChar, destination = &result._firstChar)
            {
                for (int i = 0; i < Length; i++)
                {
                    char character = source[i];
                    destination[i] = character == oldChar ? newChar : character;
                }
            }
            return result;
        }

        /// <summary>Every occurrence of <paramref name="oldValue"/> (ordinal, scanning left to right) replaced; null newValue removes.</summary>
        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null)
            {
                ThrowHelpers.ThrowArgumentNullException("oldValue");
            }
            if (oldValue.Length == 0)
            {
                ThrowHelpers.ThrowArgumentException("String cannot be of zero length.");
            }
            newValue ??= Empty;
            int count = 0;
            for (int index = IndexOf(oldValue); index >= 0; index = IndexOf(oldValue, index + oldValue.Length))
            {
                count++;
            }
            if (count == 0)
            {
                return this;
            }
            string result = FastAllocateString(Length + count * (newValue.Length - oldValue.Length));
            Span<char> destination = new Span<char>(ref result._firstChar, result.Length);
            int written = 0;
            int copied = 0;
            for (int index = IndexOf(oldValue); index >= 0; index = IndexOf(oldValue, index + oldValue.Length))
            {
                this.AsSpan(copied, index - copied).CopyTo(destination.Slice(written));
                written += index - copied;
                newValue.AsSpan().CopyTo(destination.Slice(written));
                written += newValue.Length;
                copied = index + oldValue.Length;
            }
            this.AsSpan(copied).CopyTo(destination.Slice(written));
            return result;
        }

        /// <summary>Upper case with the Latin-1 rules of char.ToUpperInvariant (no cultures here).</summary>
        public string ToUpper() => MapCharacters(true);

        public string ToUpperInvariant() => MapCharacters(true);

        public string ToLower() => MapCharacters(false);

        public string ToLowerInvariant() => MapCharacters(false);

        private string MapCharacters(bool toUpper)
        {
            for (int i = 0; i < Length; i++)
            {
                char character = this[i];
                char mapped = toUpper ? char.ToUpperInvariant(character) : char.ToLowerInvariant(character);
                if (mapped != character)
                {
                    // Copy only once something changes; strings that are already mapped are returned as they are.
                    string result = FastAllocateString(Length);
                    Span<char> destination = new Span<char>(ref result._firstChar, Length);
                    this.AsSpan().CopyTo(destination);
                    for (int j = i; j < Length; j++)
                    {
                        destination[j] = toUpper ? char.ToUpperInvariant(destination[j]) : char.ToLowerInvariant(destination[j]);
                    }
                    return result;
                }
            }
            return this;
        }

        public string Trim() => TrimWhiteSpace(true, true);

        public string TrimStart() => TrimWhiteSpace(true, false);

        public string TrimEnd() => TrimWhiteSpace(false, true);

        public string Trim(char trimChar) => TrimCharacters(new ReadOnlySpan<char>(ref trimChar), true, true);

        public string TrimStart(char trimChar) => TrimCharacters(new ReadOnlySpan<char>(ref trimChar), true, false);

        public string TrimEnd(char trimChar) => TrimCharacters(new ReadOnlySpan<char>(ref trimChar), false, true);

        /// <summary>Trims the given characters; with none given, white space.</summary>
        public string Trim(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? Trim() : TrimCharacters(trimChars, true, true);

        public string TrimStart(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? TrimStart() : TrimCharacters(trimChars, true, false);

        public string TrimEnd(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? TrimEnd() : TrimCharacters(trimChars, false, true);

        private string TrimWhiteSpace(bool start, bool end)
        {
            int first = 0;
            int last = Length - 1;
            if (start)
            {
                while (first <= last && char.IsWhiteSpace(this[first]))
                {
                    first++;
                }
            }
            if (end)
            {
                while (last >= first && char.IsWhiteSpace(this[last]))
                {
                    last--;
                }
            }
            return Substring(first, last - first + 1);
        }

        private string TrimCharacters(ReadOnlySpan<char> trimChars, bool start, bool end)
        {
            int first = 0;
            int last = Length - 1;
            if (start)
            {
                while (first <= last && trimChars.IndexOf(this[first]) >= 0)
                {
                    first++;
                }
            }
            if (end)
            {
                while (last >= first && trimChars.IndexOf(this[last]) >= 0)
                {
                    last--;
                }
            }
            return Substring(first, last - first + 1);
        }

        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("totalWidth");
            }
            if (totalWidth <= Length)
            {
                return this;
            }
            string result = FastAllocateString(totalWidth);
            Span<char> destination = new Span<char>(ref result._firstChar, totalWidth);
            destination.Slice(0, totalWidth - Length).Fill(paddingChar);
            this.AsSpan().CopyTo(destination.Slice(totalWidth - Length));
            return result;
        }

        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("totalWidth");
            }
            if (totalWidth <= Length)
            {
                return this;
            }
            string result = FastAllocateString(totalWidth);
            Span<char> destination = new Span<char>(ref result._firstChar, totalWidth);
            this.AsSpan().CopyTo(destination);
            destination.Slice(Length).Fill(paddingChar);
            return result;
        }

        public static bool IsNullOrWhiteSpace(string value) => value == null || value.AsSpan().IsWhiteSpace();

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None)
            => SplitCore(new ReadOnlySpan<char>(ref separator), null, int.MaxValue, options);

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None)
            => SplitCore(new ReadOnlySpan<char>(ref separator), null, count, options);

        /// <summary>Splits at any of the separators; with none given, at white space.</summary>
        public string[] Split(params char[] separator) => SplitCore(separator, null, int.MaxValue, StringSplitOptions.None);

        public string[] Split(char[] separator, int count) => SplitCore(separator, null, count, StringSplitOptions.None);

        public string[] Split(char[] separator, StringSplitOptions options) => SplitCore(separator, null, int.MaxValue, options);

        public string[] Split(char[] separator, int count, StringSplitOptions options) => SplitCore(separator, null, count, options);

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None)
            => Split(separator, int.MaxValue, options);

        /// <summary>Splits at each occurrence of a separator string; a null or empty separator means no split.</summary>
        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            // An empty separator string never matches (it does not mean "white space" as no separators would).
            return SplitCore(default, new string[] { separator ?? "" }, count, options);
        }

        public string[] Split(string[] separator, StringSplitOptions options) => SplitCore(default, separator, int.MaxValue, options);

        public string[] Split(string[] separator, int count, StringSplitOptions options) => SplitCore(default, separator, count, options);

        /// <summary>
        /// The split engine: separators are characters (<paramref name="characters"/>) or strings
        /// (<paramref name="strings"/>, tried in order; empty ones never match). No separators at all means
        /// white space. At most <paramref name="count"/> pieces; the last holds the rest of the string.
        /// Two passes (count, then fill) so the result is the only allocation besides the pieces.
        /// </summary>
        private string[] SplitCore(ReadOnlySpan<char> characters, string[] strings, int count, StringSplitOptions options)
        {
            if (count < 0)
            {
                ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            }
            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
            {
                ThrowHelpers.ThrowArgumentException("Value of flags is invalid.");
            }
            if (count == 0 || ((options & StringSplitOptions.RemoveEmptyEntries) != 0 && Length == 0))
            {
                return Array.Empty<string>();
            }
            int pieceCount = CollectPieces(characters, strings, count, options, null);
            if (pieceCount == 0)
            {
                return Array.Empty<string>();
            }
            string[] pieces = new string[pieceCount];
            CollectPieces(characters, strings, count, options, pieces);
            return pieces;
        }

        /// <summary>Walks the pieces a split produces; stores them when <paramref name="output"/> is given. Returns how many.</summary>
        private int CollectPieces(ReadOnlySpan<char> characters, string[] strings, int count, StringSplitOptions options, string[] output)
        {
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            bool splitOnWhiteSpace = characters.Length == 0 && (strings == null || strings.Length == 0);
            int emitted = 0;
            int pieceStart = 0;
            int position = 0;
            while (position < Length && emitted < count - 1)
            {
                int separatorLength = SeparatorLengthAt(position, characters, strings, splitOnWhiteSpace);
                if (separatorLength == 0)
                {
                    position++;
                    continue;
                }
                EmitPiece(pieceStart, position - pieceStart, removeEmpty, trim, output, ref emitted);
                position += separatorLength;
                pieceStart = position;
            }
            if (removeEmpty && emitted == count - 1)
            {
                // The rest becomes the last piece; with empty entries removed it starts after any leading separators.
                int separatorLength;
                while (pieceStart < Length && (separatorLength = SeparatorLengthAt(pieceStart, characters, strings, splitOnWhiteSpace)) != 0)
                {
                    pieceStart += separatorLength;
                }
            }
            EmitPiece(pieceStart, Length - pieceStart, removeEmpty, trim, output, ref emitted);
            return emitted;
        }

        private int SeparatorLengthAt(int position, ReadOnlySpan<char> characters, string[] strings, bool splitOnWhiteSpace)
        {
            char character = this[position];
            if (splitOnWhiteSpace)
            {
                return char.IsWhiteSpace(character) ? 1 : 0;
            }
            if (characters.Length != 0)
            {
                return characters.IndexOf(character) >= 0 ? 1 : 0;
            }
            for (int i = 0; i < strings.Length; i++)
            {
                string separator = strings[i];
                if (!string.IsNullOrEmpty(separator) && separator.Length <= Length - position && CompareCharacters(this.AsSpan(position, separator.Length), separator, false) == 0)
                {
                    return separator.Length;
                }
            }
            return 0;
        }

        private void EmitPiece(int start, int length, bool removeEmpty, bool trim, string[] output, ref int emitted)
        {
            ReadOnlySpan<char> piece = this.AsSpan(start, length);
            if (trim)
            {
                piece = piece.Trim();
            }
            if (removeEmpty && piece.Length == 0)
            {
                return;
            }
            if (output != null)
            {
                output[emitted] = piece.Length == Length ? this : new string(piece);
            }
            emitted++;
        }
    }
}
