namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Reads a method's clause table (ilc's `__ehinfo_` blob, NativeFormat): an unsigned count, then per clause the
    /// try start, (try length &lt;&lt; 2) | kind, the handler offset, and for a typed clause a rel32 to the caught
    /// type's MethodTable (low bit set: to a cell holding it), for a filter clause the filter's offset. Clauses come
    /// innermost first. Unsigned values use NativeFormat's prefix-length code (1 to 5 bytes).
    /// </summary>
    public unsafe struct ExceptionClauseReader
    {
        private const uint MaximumClauses = 4096;

        private byte* _cursor;
        private uint _remaining;

        public uint Count { get; private set; }

        public UnwindError Error { get; private set; }

        public ExceptionClauseReader(byte* table)
        {
            _cursor = table;
            _remaining = 0;
            Count = 0;
            Error = UnwindError.None;
            if (table != null)
            {
                uint count = ReadUnsigned();
                if (count > MaximumClauses)
                {
                    Error = UnwindError.CorruptClauseTable;
                    count = 0;
                }
                Count = count;
                _remaining = count;
            }
        }

        /// <summary>The next clause; false at the end of the table or on a malformed entry (then <see cref="Error"/> says so).</summary>
        public bool TryReadNext(out ExceptionClause clause)
        {
            clause = default;
            if (_remaining == 0 || Error != UnwindError.None)
            {
                return false;
            }
            _remaining--;
            clause.TryStart = ReadUnsigned();
            uint lengthAndKind = ReadUnsigned();
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.Kind = (ExceptionClauseKind)(lengthAndKind & 3);
            clause.HandlerOffset = ReadUnsigned();
            switch (clause.Kind)
            {
                case ExceptionClauseKind.Typed:
                {
                    byte* field = _cursor;
                    int relative = field[0] | (field[1] << 8) | (field[2] << 16) | (field[3] << 24);
                    _cursor += 4;
                    nint target = (nint)(field + relative);
                    clause.CatchType = (target & 1) != 0 ? *(nint*)(target - 1) : target;
                    break;
                }
                case ExceptionClauseKind.Fault:
                    break;
                case ExceptionClauseKind.Filter:
                    clause.FilterOffset = ReadUnsigned();
                    break;
                default:
                    Error = UnwindError.CorruptClauseTable;
                    return false;
            }
            // An empty clause (try length 0) is legitimate: ilc writes one as a marker between runs of clauses whose
            // protected regions have the same native offsets (try/catch/finally: two nested trys). It matches nothing.
            if (clause.TryEnd < clause.TryStart)
            {
                Error = UnwindError.CorruptClauseTable;
                return false;
            }
            return true;
        }

        private uint ReadUnsigned()
        {
            byte first = *_cursor;
            uint value;
            if ((first & 1) == 0)
            {
                value = (uint)(first >> 1);
                _cursor += 1;
            }
            else if ((first & 2) == 0)
            {
                value = (uint)(first >> 2) | ((uint)_cursor[1] << 6);
                _cursor += 2;
            }
            else if ((first & 4) == 0)
            {
                value = (uint)(first >> 3) | ((uint)_cursor[1] << 5) | ((uint)_cursor[2] << 13);
                _cursor += 3;
            }
            else if ((first & 8) == 0)
            {
                value = (uint)(first >> 4) | ((uint)_cursor[1] << 4) | ((uint)_cursor[2] << 12) | ((uint)_cursor[3] << 20);
                _cursor += 4;
            }
            else if ((first & 16) == 0)
            {
                value = (uint)(_cursor[1] | (_cursor[2] << 8) | (_cursor[3] << 16) | (_cursor[4] << 24));
                _cursor += 5;
            }
            else
            {
                Error = UnwindError.CorruptClauseTable;
                value = 0;
                _cursor += 1;
            }
            return value;
        }
    }
}
