namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The mark phase over one heap: roots are offered as ranges of words scanned conservatively (any word that points
    /// into an allocated object keeps it, interior pointers included) or as single references; every object newly found
    /// is pushed on the mark stack, and <see cref="Drain"/> traces their fields precisely from their GCDesc until nothing
    /// is left. Objects are never moved, so a conservative word that merely looks like a pointer only keeps garbage alive.
    /// </summary>
    public unsafe struct ObjectMarker : IReferenceSlotVisitor
    {
        private Heap* _heap;
        private MarkStack* _stack;
        private nuint _typesStart;
        private nuint _typesEnd;
        private ulong _markedObjects;

        /// <summary>
        /// Marks into <paramref name="heap"/> using <paramref name="stack"/>. When <paramref name="typesEnd"/> is not 0,
        /// every traced object's MethodTable must lie in [<paramref name="typesStart"/>, <paramref name="typesEnd"/>) (the
        /// program image): anything else means the heap is corrupt.
        /// </summary>
        public void Initialize(Heap* heap, MarkStack* stack, nuint typesStart, nuint typesEnd)
        {
            _heap = heap;
            _stack = stack;
            _typesStart = typesStart;
            _typesEnd = typesEnd;
            _markedObjects = 0;
        }

        public ulong MarkedObjects => _markedObjects;

        /// <summary>Treats every aligned word in [start, end) as a possible reference.</summary>
        public void MarkRange(nuint* start, nuint* end)
        {
            for (nuint* word = start; word < end; word++)
            {
                MarkReference(*word);
            }
        }

        /// <summary>Marks the object that <paramref name="value"/> points into, if it is one of the heap's objects.</summary>
        public void MarkReference(nuint value)
        {
            byte* block = _heap->MarkObjectContaining(value);
            if (block != null)
            {
                _markedObjects++;
                _stack->Push(block);
            }
        }

        public void Visit(nuint* slot)
        {
            nuint value = *slot;
            if (value != 0)
            {
                MarkReference(value);
            }
        }

        /// <summary>Traces the fields of every object on the mark stack, and of those they reach, until the stack is empty.</summary>
        public void Drain()
        {
            byte* block;
            while ((block = _stack->Pop()) != null)
            {
                byte* objectReference = block + sizeof(nint);
                MethodTable* type = *(MethodTable**)objectReference;
                if (_typesEnd != 0 && ((nuint)type < _typesStart || (nuint)type >= _typesEnd))
                {
                    FatalError.Fail("garbage collector: heap corruption (an object's MethodTable pointer is outside the program image)");
                }
                nuint size = GcDescriptor.ObjectSize(type, objectReference);
                if (!GcDescriptor.VisitReferences(type, objectReference, size, ref this))
                {
                    FatalError.Fail("garbage collector: heap corruption (an object's GCDesc is malformed)");
                }
            }
        }
    }
}
