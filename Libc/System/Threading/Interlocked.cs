using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// Atomic operations. ilc's code generator recognises these methods of the system module by name and emits the
    /// instruction itself (here: a locked xchg), so the bodies, which would call themselves, never run.
    /// </summary>
    public static class Interlocked
    {
        /// <summary>Stores <paramref name="value"/> and returns what was there, atomically and as a full barrier.</summary>
        [Intrinsic]
        public static int Exchange(ref int location1, int value) => Exchange(ref location1, value);

        /// <summary>Stores <paramref name="value"/> if the location holds <paramref name="comparand"/>; returns what was there (a locked cmpxchg).</summary>
        [Intrinsic]
        public static int CompareExchange(ref int location1, int value, int comparand) => CompareExchange(ref location1, value, comparand);

        /// <summary>The 64-bit <see cref="CompareExchange(ref int, int, int)"/>.</summary>
        [Intrinsic]
        public static long CompareExchange(ref long location1, long value, long comparand) => CompareExchange(ref location1, value, comparand);

        /// <summary>Adds <paramref name="value"/> atomically and returns the new value.</summary>
        public static int Add(ref int location1, int value)
        {
            int seen = location1;
            while (true)
            {
                int found = CompareExchange(ref location1, seen + value, seen);
                if (found == seen)
                {
                    return seen + value;
                }
                seen = found;
            }
        }

        /// <summary>Adds 1 atomically and returns the new value.</summary>
        public static int Increment(ref int location) => Add(ref location, 1);
    }
}
