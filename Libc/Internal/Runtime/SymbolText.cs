namespace Internal.Runtime
{
    /// <summary>
    /// Lookups in a symbol table in build.sh's text form, one "ADDRESS SIZE NAME" line per symbol (hex, sorted by
    /// address), and ilc's names made readable: a method "Assembly_Namespace_Type__Method" becomes
    /// "Namespace.Type.Method", a MethodTable "_ZTV&lt;length&gt;Assembly_Namespace_Type" becomes "Namespace.Type" (the
    /// kernel's SymbolNameFormatter follows the same rules). Malformed lines are skipped. Pure logic over bytes.
    /// </summary>
    public readonly unsafe struct SymbolText
    {
        private readonly byte* _start;
        private readonly byte* _end;

        public SymbolText(byte* start, byte* end)
        {
            _start = start;
            _end = start == null || end < start ? start : end;
        }

        public bool IsEmpty => _start == _end;

        /// <summary>"Namespace.Type.Method+0xOFFSET" for the sized symbol containing <paramref name="address"/>, or null.</summary>
        public string DescribeCode(ulong address)
        {
            byte* line = _start;
            while (line < _end)
            {
                byte* next = ParseLine(line, out ulong symbolAddress, out ulong size, out byte* name, out int nameLength);
                if (name != null && size != 0 && address >= symbolAddress && address - symbolAddress < size)
                {
                    string method = FormatMethodName(name, nameLength);
                    ulong offset = address - symbolAddress;
                    return offset == 0 ? method : string.Concat(method, "+0x", Internal.Formatting.NumberFormatting.FormatHex(offset, 1, false));
                }
                line = next;
            }
            return null;
        }

        /// <summary>The C# name of the type whose MethodTable symbol ("_ZTV...") is at <paramref name="address"/>, or null.</summary>
        public string DescribeType(ulong address)
        {
            byte* line = _start;
            while (line < _end)
            {
                byte* next = ParseLine(line, out ulong symbolAddress, out _, out byte* name, out int nameLength);
                if (name != null && symbolAddress == address && nameLength > 4 && name[0] == (byte)'_' && name[1] == (byte)'Z' && name[2] == (byte)'T' && name[3] == (byte)'V')
                {
                    int skip = 4;
                    while (skip < nameLength && name[skip] >= (byte)'0' && name[skip] <= (byte)'9')
                    {
                        skip++;
                    }
                    return FormatTypeName(name + skip, nameLength - skip);
                }
                line = next;
            }
            return null;
        }

        /// <summary>"Assembly_Namespace_Type__Method" → "Namespace.Type.Method"; names without "__" are kept.</summary>
        public static string FormatMethodName(byte* name, int length)
        {
            int separator = -1;
            for (int i = 1; i + 1 < length; i++)
            {
                if (name[i] == (byte)'_' && name[i + 1] == (byte)'_')
                {
                    separator = i;
                    break;
                }
            }
            if (separator < 0)
            {
                return Copy(name, length, false);
            }
            string type = FormatTypeName(name, separator);
            byte* method = name + separator + 2;
            int methodLength = length - separator - 2;
            if (methodLength > 0 && method[0] == (byte)'_')
            {
                return string.Concat(type, ".", Copy(method, methodLength, true)); // _ctor, _cctor: ilc's spelling of .ctor
            }
            return string.Concat(type, ".", Copy(method, methodLength, false));
        }

        /// <summary>"Assembly_Namespace_Type" → "Namespace.Type"; a name without an underscore is kept.</summary>
        public static string FormatTypeName(byte* name, int length)
        {
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (name[i] == (byte)'_')
                {
                    start = i + 1;
                    break;
                }
            }
            return Copy(name + start, length - start, true);
        }

        private static string Copy(byte* text, int length, bool underscoresAsDots)
        {
            char* buffer = stackalloc char[length > 0 ? length : 1];
            for (int i = 0; i < length; i++)
            {
                buffer[i] = underscoresAsDots && text[i] == (byte)'_' ? '.' : (char)text[i];
            }
            return new string(buffer, 0, length);
        }

        // Parses "ADDRESS SIZE NAME\n" at line; returns the next line. name is null for a malformed line.
        private byte* ParseLine(byte* line, out ulong address, out ulong size, out byte* name, out int nameLength)
        {
            byte* cursor = line;
            name = null;
            nameLength = 0;
            bool valid = ParseHex(ref cursor, out address) & ParseHex(ref cursor, out size);
            byte* nameStart = cursor;
            while (cursor < _end && *cursor != (byte)'\n')
            {
                cursor++;
            }
            if (valid && cursor > nameStart)
            {
                name = nameStart;
                nameLength = (int)(cursor - nameStart);
            }
            return cursor < _end ? cursor + 1 : _end;
        }

        private bool ParseHex(ref byte* cursor, out ulong value)
        {
            value = 0;
            int digits = 0;
            while (cursor < _end)
            {
                byte character = *cursor;
                int digit = character >= (byte)'0' && character <= (byte)'9' ? character - '0'
                    : character >= (byte)'a' && character <= (byte)'f' ? character - 'a' + 10
                    : character >= (byte)'A' && character <= (byte)'F' ? character - 'A' + 10 : -1;
                if (digit < 0)
                {
                    break;
                }
                value = (value << 4) | (uint)digit;
                digits++;
                cursor++;
            }
            bool separated = cursor < _end && *cursor == (byte)' ';
            if (separated)
            {
                cursor++;
            }
            return digits > 0 && digits <= 16 && separated;
        }
    }
}
