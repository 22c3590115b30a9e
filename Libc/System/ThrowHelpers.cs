using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Throw paths kept out of line so the callers' fast paths stay small.</summary>
    internal static class ThrowHelpers
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void ThrowArgumentOutOfRangeException(string parameterName) => throw new ArgumentOutOfRangeException(parameterName);

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void ThrowArgumentNullException(string parameterName) => throw new ArgumentNullException(parameterName);

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void ThrowArgumentException(string message) => throw new ArgumentException(message);

        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void ThrowInvalidOperationException(string message) => throw new InvalidOperationException(message);
    }
}
