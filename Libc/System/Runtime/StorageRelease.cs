using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Hands storage that only the caller references back to the heap at once. The kernel has no garbage
    /// collector, so the library frees the temporary buffers it allocates privately (a grown list's old array,
    /// a string builder's buffer after ToString) instead of leaking them. Only for objects that never escaped:
    /// never for anything a caller could still hold, and never for Array.Empty or string literals.
    /// </summary>
    internal static class StorageRelease
    {
        // Never inlined: passing an object to a real call makes the JIT's escape analysis treat it as escaping,
        // so whatever reaches here was allocated on the heap, never on the stack.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Release(object storage) => ManagedHeap.FreeObject(storage);
    }
}
