using System.Runtime.CompilerServices;
using Cosmos.Api;

namespace Cosmos.Programs.SystemTest
{
    /// <summary>
    /// "divide", "readkernel", "invalid" and "privileged": CPU exceptions in ring 3 (#DE, #PF on kernel memory,
    /// #UD, #GP), each of which must end this task only.
    /// </summary>
    internal static unsafe class Faults
    {
        // Mutable statics: the compiler cannot prove them zero, so it emits the real division and load.
        private static ulong s_divisor;
        private static ulong s_kernelAddress = 0xFFFF800000100000; // physical 1 MiB in the direct map: mapped, supervisor only

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

        // Machine code the C# compiler will not emit, run from a page of our own: ud2 (#UD) and cli (#GP in ring 3).
        private static readonly byte[] s_invalidOpcode = new byte[] { 0x0F, 0x0B, 0xC3 };
        private static readonly byte[] s_privilegedInstruction = new byte[] { 0xFA, 0xC3 };
        private const ulong CodePage = 0x0000007000000000;

        public static int InvalidOpcode()
        {
            Output.Line("invalid: executing ud2");
            return RunCode(s_invalidOpcode, "invalid");
        }

        public static int PrivilegedInstruction()
        {
            Output.Line("privileged: executing cli in ring 3");
            return RunCode(s_privilegedInstruction, "privileged");
        }

        private static int RunCode(byte[] code, string mode)
        {
            SystemCallError error = HandStartedThreads.PlaceCode(0, CodePage, code);
            if (error != SystemCallError.None)
            {
                Output.Line(mode + ": cannot place the code: " + Kernel.DescribeError((long)error));
                return 1;
            }
            ((delegate*<void>)CodePage)();
            Output.Line(mode + ": FAILED, still running");
            return 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong DivideByZero(ulong dividend) => dividend / s_divisor;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong Read(ulong address) => *(ulong*)address;
    }
}
