using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Programs.ExceptionTest
{
    internal sealed class Holder
    {
        public int Value;
    }

    /// <summary>
    /// Exceptions raised by the CPU (null dereference: a page fault on the unmapped first page; #DE) and by ilc's
    /// implicit checks (throw helpers): each must arrive as its .NET exception type in a catch.
    /// </summary>
    internal static class HardwareFaults
    {
        // Mutable statics: the compiler cannot prove them zero or null, so it emits the real load and division.
        private static Holder s_nothing;
        private static int s_zero;
        private static int[] s_array = new int[4];
        private static object s_boxed = "not a number";
        private static int s_large = int.MaxValue;

        public static string NullDereference()
        {
            try
            {
                int value = ReadValue(s_nothing);
                return "read " + value.ToString() + " through null";
            }
            catch (NullReferenceException exception)
            {
                return TraceHas(exception, "ReadValue");
            }
        }

        public static string DivideByZero()
        {
            try
            {
                int value = Divide(42, s_zero);
                return "42 / 0 gave " + value.ToString();
            }
            catch (DivideByZeroException exception)
            {
                return TraceHas(exception, "Divide");
            }
        }

        public static string IndexOutOfRange()
        {
            try
            {
                int value = ReadElement(s_array, 4);
                return "read element 4 of 4: " + value.ToString();
            }
            catch (IndexOutOfRangeException exception)
            {
                return TraceHas(exception, "ReadElement");
            }
        }

        public static string CheckedOverflow()
        {
            try
            {
                int value = AddChecked(s_large, 1);
                return "int.MaxValue + 1 gave " + value.ToString();
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        public static string InvalidCast()
        {
            try
            {
                int value = Unbox(s_boxed);
                return "unboxed a string as " + value.ToString();
            }
            catch (InvalidCastException)
            {
                return null;
            }
        }

        public static string ArgumentCheck()
        {
            try
            {
                string text = "abc".Substring(5);
                return "Substring(5) of \"abc\" gave \"" + text + "\"";
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>"fault": a fault that is not an exception (a read of kernel memory): the thread's stack trace, then the kernel's report.</summary>
        public static unsafe int UnconvertedFault()
        {
            Output.Line("ehtest: fault: reading kernel memory");
            ulong value = ReadKernel((ulong*)0xFFFF800000100000);
            Output.Line("ehtest: fault FAILED: read " + value.ToString());
            return 1;
        }

        private static string TraceHas(Exception exception, string method)
        {
            string trace = exception.StackTrace;
            if (trace == null || trace.IndexOf(method) < 0)
            {
                return "the stack trace does not name " + method + ": " + (trace ?? "(none)");
            }
            return null;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadValue(Holder holder) => holder.Value;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Divide(int dividend, int divisor) => dividend / divisor;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ReadElement(int[] array, int index) => array[index];

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int AddChecked(int left, int right) => checked(left + right);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Unbox(object value) => (int)value;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe ulong ReadKernel(ulong* address) => *address;
    }
}
