// Stand-ins, for the host build only, of the two Libc-internal pieces the shared sources use.

namespace System.Runtime.CompilerServices
{
    /// <summary>On the host the JIT ignores this attribute (it is not CoreLib's); ilc honours Libc's.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
    internal sealed class IntrinsicAttribute : Attribute
    {
    }
}

namespace System.Runtime
{
    /// <summary>The host has a garbage collector: releasing storage early is a no-op, but the calls are counted.</summary>
    internal static class StorageRelease
    {
        // Per thread: xunit runs test classes in parallel, and each test counts only its own releases.
        [ThreadStatic]
        private static int s_releaseCount;

        public static int ReleaseCount => s_releaseCount;

        public static void Release(object storage)
        {
            if (storage == null)
            {
                throw new ArgumentNullException(nameof(storage));
            }
            if (storage is Array array && array.Length == 0)
            {
                // Zero-length arrays may be the shared Array.Empty instance, which must never be freed.
                throw new InvalidOperationException("released an empty array");
            }
            s_releaseCount++;
        }
    }
}

namespace Internal.Runtime
{
    /// <summary>MethodTable's Nullable accessor reads a relative field through the dispatch code; the host tests never call it.</summary>
    internal static unsafe class InterfaceDispatch
    {
        internal static void* RelativeField(MethodTable* type, int field) => throw new System.NotSupportedException("not on the host");
    }
}
