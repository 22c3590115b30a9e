using System.Runtime.CompilerServices;

namespace CosmosKernel.Diagnostics
{
    /// <summary>
    /// Faults on purpose, so tests can check the panic report ("fault=null", "fault=divide", "fault=stack",
    /// "fault=throw" on the command line). Not inlined: the report must name these methods.
    /// </summary>
    internal static unsafe class DeliberateFault
    {
        // Mutable statics: the compiler cannot prove them zero, so it emits the real access and division.
        private static ulong s_nullAddress;
        private static ulong s_divisor;

        /// <summary>Reads through a null pointer: page 0 is unmapped, so this raises a page fault. Does not return.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ulong DereferenceNull()
        {
            ulong* pointer = (ulong*)s_nullAddress;
            return *pointer;
        }

        /// <summary>
        /// Recurses until the boot stack runs into its unmapped guard page. The page fault cannot be delivered on
        /// the overflowed stack, so the CPU raises a double fault, which runs on its own IST stack. Does not return.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ulong OverflowStack(ulong depth)
        {
            ulong* scratch = stackalloc ulong[64];
            scratch[depth & 63] = depth;
            // Not a tail call: the addition after the call keeps every frame alive.
            return OverflowStack(depth + 1) + scratch[(depth + 1) & 63];
        }

        /// <summary>Throws an exception nobody catches: the runtime's fatal-error path names its type and message. Does not return.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ThrowUnhandled()
        {
            throw new System.InvalidOperationException("deliberate unhandled exception (fault=throw)");
        }

        /// <summary>Divides by zero with the hardware divide instruction, raising #DE. Does not return.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ulong DivideByZero()
        {
            ulong dividend = 42 + s_nullAddress;
            return dividend / s_divisor;
        }
    }
}
