using Cosmos.Api;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>Line output on the debug console; every ipctest line starts with "ipctest" (bench lines with "bench").</summary>
    internal static class Output
    {
        public static void Line(string text)
        {
            Kernel.DebugWrite("ipctest " + text + "\n");
        }

        /// <summary>An error code as "name (number)", e.g. "insufficient rights (-15)".</summary>
        public static string Error(long result) => Kernel.DescribeError(result) + " (" + result.ToString() + ")";

        /// <summary>Parses a decimal argument, or returns <paramref name="fallback"/>.</summary>
        public static int Number(string[] arguments, int index, int fallback)
        {
            return arguments.Length > index && int.TryParse(arguments[index], out int value) ? value : fallback;
        }
    }
}
