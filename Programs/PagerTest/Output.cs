using Cosmos.Api;

namespace Cosmos.Programs.PagerTest
{
    /// <summary>
    /// Line output on the debug console. Every line starts with "pagertest: " (bench lines with "bench "); each mode ends
    /// with its verdict "pagertest: MODE: ok" or "pagertest: MODE: FAILED: reason", which
    /// tests/Cosmos.Integration.Tests/AddressSpaceTests.cs reads.
    /// </summary>
    internal static class Output
    {
        public static void Line(string text)
        {
            Kernel.DebugWrite("pagertest: " + text + "\n");
        }

        /// <summary>Prints the verdict of <paramref name="mode"/> and returns the exit code: 0 for success, 1 otherwise.</summary>
        public static int Verdict(string mode, string failure)
        {
            Line(failure == null ? mode + ": ok" : mode + ": FAILED: " + failure);
            return failure == null ? 0 : 1;
        }

        /// <summary>An error code as "name (number)", e.g. "quota exceeded (-26)".</summary>
        public static string Error(long result) => Kernel.DescribeError(result) + " (" + result.ToString() + ")";

        public static string Hex(ulong value) => "0x" + value.ToString("X");

        /// <summary>Parses a decimal argument, or returns <paramref name="fallback"/>.</summary>
        public static int Number(string[] arguments, int index, int fallback)
        {
            return arguments.Length > index && int.TryParse(arguments[index], out int value) ? value : fallback;
        }
    }
}
