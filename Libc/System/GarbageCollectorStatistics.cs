namespace System
{
    /// <summary>
    /// A snapshot of the heap and the garbage collector of the calling program (<see cref="GC.GetStatistics"/>). Byte
    /// counts are of whole heap blocks. In the kernel, which never collects, the collection counters stay 0.
    /// </summary>
    public struct GarbageCollectorStatistics
    {
        /// <summary>True in ring-3 programs (the kernel frees explicitly and never collects).</summary>
        public bool CollectionEnabled;
        public ulong Collections;
        public ulong TotalPauseNanoseconds;
        public ulong LastPauseNanoseconds;
        public ulong LongestPauseNanoseconds;
        /// <summary>Bytes in use right after the last collection (what it found live).</summary>
        public ulong LiveBytesAfterLastCollection;
        public ulong ObjectsMarkedLastCollection;
        public ulong BytesFreedByCollections;
        /// <summary>Bytes the heap holds from the program's memory now (chunks, large objects, its directory).</summary>
        public ulong HeapBytes;
        public ulong PeakHeapBytes;
        /// <summary>Bytes of blocks allocated and not yet freed (live objects plus garbage not yet collected).</summary>
        public ulong BytesInUse;
        /// <summary>Bytes allocated since the program started.</summary>
        public ulong BytesAllocated;
        public ulong Allocations;
        /// <summary>Allocation volume between the last collection and the next.</summary>
        public ulong NextCollectionAfterBytes;
    }
}
