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
    }
}
