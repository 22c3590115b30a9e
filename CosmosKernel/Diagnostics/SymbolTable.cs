namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// The kernel's symbol table, read in place from the text the build writes (kernel.symbols, loaded by GRUB
    /// as the boot module named "symbols"): one symbol per line, "address size name", address and size in
    /// hexadecimal, lines sorted by address. Lookups binary-search the text directly by byte offset, so no
    /// index (and no heap) is needed: a panic can name methods even before the heap exists.
    /// Pure logic: compiled into the host tests.
    /// </summary>
    internal readonly unsafe struct SymbolTable
    {
        private readonly byte* _text;
        private readonly int _length;

        public SymbolTable(byte* text, int length)
        {
            _text = text;
            _length = text == null ? 0 : length;
        }

        public bool IsEmpty => _length == 0;

        /// <summary>
        /// Checks every line: well formed and in ascending address order. Returns None and the number of
        /// symbols, or the error and the 1-based number of the first bad line.
        /// </summary>
        public SymbolTableError Validate(out int symbolCount, out int badLine)
        {
            symbolCount = 0;
            badLine = 0;
            ulong previous = 0;
            int line = 0;
            int offset = 0;
            while (offset < _length)
            {
                line++;
                int next = NextLineStart(offset);
                if (IsBlankLine(offset, next))
                {
                    offset = next;
                    continue;
                }
                if (!TryParseLine(offset, out Symbol symbol))
                {
                    badLine = line;
                    return SymbolTableError.MalformedLine;
                }
                if (symbol.Address < previous)
                {
                    badLine = line;
                    return SymbolTableError.NotSorted;
                }
                previous = symbol.Address;
                symbolCount++;
                offset = next;
            }
            return symbolCount == 0 ? SymbolTableError.Empty : SymbolTableError.None;
        }

        /// <summary>
        /// Finds the symbol containing <paramref name="address"/>: the nearest symbol at or below it whose size
        /// covers it (a symbol without a size covers everything up to the next symbol). Of several names for
        /// one address, a managed method name ("Type__Method") wins over an export alias. False when no symbol
        /// contains the address.
        /// </summary>
        public bool TryFindContaining(ulong address, out Symbol symbol)
        {
            symbol = default;
            int line = FindLastLineAtOrBelow(address);
            if (line < 0 || !TryParseLine(line, out Symbol last))
            {
                return false;
            }
            Symbol best = last;
            bool bestCovers = Covers(last, address);
            int offset = line;
            while (offset > 0)
            {
                int previous = LineStartBefore(offset);
                if (!TryParseLine(previous, out Symbol other) || other.Address != last.Address)
                {
                    break;
                }
                bool otherCovers = Covers(other, address);
                if ((otherCovers && !bestCovers) || (otherCovers == bestCovers && other.IsManagedMethodName && !best.IsManagedMethodName))
                {
                    best = other;
                    bestCovers = otherCovers;
                }
                offset = previous;
            }
            if (!bestCovers)
            {
                return false;
            }
            symbol = best;
            return true;
        }

        /// <summary>
        /// Finds a symbol that starts exactly at <paramref name="address"/> and whose name begins with
        /// <paramref name="namePrefix"/> (e.g. "_ZTV" for a type's MethodTable). False when there is none.
        /// </summary>
        public bool TryFindExact(ulong address, string namePrefix, out Symbol symbol)
        {
            symbol = default;
            int offset = FindLastLineAtOrBelow(address);
            while (offset >= 0 && TryParseLine(offset, out Symbol candidate) && candidate.Address == address)
            {
                if (candidate.NameStartsWith(namePrefix))
                {
                    symbol = candidate;
                    return true;
                }
                if (offset == 0)
                {
                    break;
                }
                offset = LineStartBefore(offset);
            }
            return false;
        }

        private static bool Covers(Symbol symbol, ulong address) => symbol.Size == 0 || address - symbol.Address < symbol.Size;

        // Byte offset of the last well-formed line whose address is <= target, or -1. Binary search over byte
        // offsets: each probe backs up to the start of the line it lands in.
        private int FindLastLineAtOrBelow(ulong target)
        {
            int low = 0;
            int high = _length;
            int found = -1;
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                int lineStart = LineStartContaining(middle);
                int next = NextLineStart(lineStart);
                Symbol symbol;
                while (!TryParseLine(lineStart, out symbol) && next < high)
                {
                    // A blank or malformed line tells nothing: probe the next line instead.
                    lineStart = next;
                    next = NextLineStart(lineStart);
                }
                if (!TryParseLine(lineStart, out symbol))
                {
                    high = LineStartContaining(middle);
                    continue;
                }
                if (symbol.Address <= target)
                {
                    found = lineStart;
                    low = next;
                }
                else
                {
                    high = lineStart;
                }
            }
            return found;
        }

        private int LineStartContaining(int offset)
        {
            while (offset > 0 && _text[offset - 1] != (byte)'\n')
            {
                offset--;
            }
            return offset;
        }

        // Start of the line before the one starting at `lineStart` (precondition: lineStart > 0).
        private int LineStartBefore(int lineStart) => LineStartContaining(lineStart - 1);

        private int NextLineStart(int offset)
        {
            while (offset < _length && _text[offset] != (byte)'\n')
            {
                offset++;
            }
            return offset < _length ? offset + 1 : _length;
        }

        private bool IsBlankLine(int start, int next)
        {
            for (int i = start; i < next; i++)
            {
                byte value = _text[i];
                if (value != (byte)' ' && value != (byte)'\r' && value != (byte)'\n' && value != (byte)'\t')
                {
                    return false;
                }
            }
            return true;
        }

        // Parses "address size name" at `offset`. False when the line is not in that form.
        private bool TryParseLine(int offset, out Symbol symbol)
        {
            symbol = default;
            int position = offset;
            if (!TryParseHex(ref position, out ulong address) || !SkipSpace(ref position) || !TryParseHex(ref position, out ulong size) || !SkipSpace(ref position))
            {
                return false;
            }
            int nameStart = position;
            while (position < _length && _text[position] != (byte)'\n' && _text[position] != (byte)'\r' && _text[position] != (byte)' ')
            {
                position++;
            }
            if (position == nameStart)
            {
                return false;
            }
            symbol = new Symbol(address, size, _text + nameStart, position - nameStart);
            return true;
        }

        private bool TryParseHex(ref int position, out ulong value)
        {
            value = 0;
            int digits = 0;
            while (position < _length && digits <= 16)
            {
                int digit = HexDigitValue(_text[position]);
                if (digit < 0)
                {
                    break;
                }
                value = (value << 4) | (uint)digit;
                digits++;
                position++;
            }
            return digits > 0 && digits <= 16;
        }

        private bool SkipSpace(ref int position)
        {
            if (position >= _length || _text[position] != (byte)' ')
            {
                return false;
            }
            while (position < _length && _text[position] == (byte)' ')
            {
                position++;
            }
            return true;
        }

        private static int HexDigitValue(byte character)
        {
            if (character >= (byte)'0' && character <= (byte)'9') return character - '0';
            if (character >= (byte)'a' && character <= (byte)'f') return character - 'a' + 10;
            if (character >= (byte)'A' && character <= (byte)'F') return character - 'A' + 10;
            return -1;
        }
    }
}
