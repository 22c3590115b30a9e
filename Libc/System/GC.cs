using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// The program's garbage collector (ring-3 programs; the kernel never collects). Collections run by themselves as
    /// the program allocates; these calls force one and read the counters.
    /// </summary>
    public static class GC
    {
        /// <summary>A full collection now: every other thread of the program is stopped while it marks.</summary>
        public static void Collect() => ManagedHeap.Collect();

        /// <summary>Bytes of heap blocks in use (live objects and not-yet-collected garbage); after a full collection first when asked.</summary>
        public static long GetTotalMemory(bool forceFullCollection)
        {
            if (forceFullCollection)
            {
                Collect();
            }
            return (long)ManagedHeap.BytesInUse;
        }

        /// <summary>How many collections have run (there is one generation).</summary>
        public static int CollectionCount(int generation) => generation == 0 ? (int)ManagedHeap.Statistics().Collections : 0;

        /// <summary>All the heap's and the collector's counters at once (for `ps`/`mem`-style reports and tests).</summary>
        public static GarbageCollectorStatistics GetStatistics() => ManagedHeap.Statistics();

        /// <summary>Keeps <paramref name="obj"/> reachable up to this call.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj)
        {
        }
    }
}
