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

        // Machine code the C# compiler will not emit (Native/hand_code.asm: ud2 for #UD, cli for #GP in ring 3), run
        // from its page mapped here.
        private const ulong CodePage = 0x0000007000000000;

        public static int InvalidOpcode()
        {
            Output.Line("invalid: executing ud2");
            return RunCode(HandCode.InvalidOpcode, "invalid");
        }

        public static int PrivilegedInstruction()
        {
            Output.Line("privileged: executing cli in ring 3");
            return RunCode(HandCode.PrivilegedInstruction, "privileged");
        }

        private static int RunCode(HandCode code, string mode)
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
