using System.Runtime.CompilerServices;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>"divide" and "readkernel": CPU exceptions in ring 3, which must end this task only.</summary>
    internal static unsafe class Faults
    {
        // Mutable statics: the compiler cannot prove them zero, so it emits the real division and load.
        private static ulong s_divisor;
        private static ulong s_kernelAddress = 0xFFFFFFFF80100000;

        public static int Divide()
        {
            Output.Line("divide: dividing by zero");
            ulong result = DivideByZero(42);
            Output.Line("divide: FAILED, still running (result " + result.ToString() + ")");
            return 1;
        }

        public static int ReadKernelMemory()
        {
            Output.Line("readkernel: reading kernel memory at 0x" + s_kernelAddress.ToString("x"));
            ulong value = Read(s_kernelAddress);
            Output.Line("readkernel: FAILED, read 0x" + value.ToString("x"));
            return 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong DivideByZero(ulong dividend) => dividend / s_divisor;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong Read(ulong address) => *(ulong*)address;
    }
}
