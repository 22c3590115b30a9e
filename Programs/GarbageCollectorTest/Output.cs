using Cosmos.Api;

namespace Cosmos.Programs.GarbageCollectorTest
{
    /// <summary>Line output on the debug console; every gctest line starts with "gctest".</summary>
    internal static class Output
    {
        public static void Line(string text)
        {
            Kernel.DebugWrite("gctest " + text + "\n");
        }

        /// <summary>Parses a decimal argument, or returns <paramref name="fallback"/>.</summary>
        public static int Number(string[] arguments, int index, int fallback)
        {
            return arguments.Length > index && int.TryParse(arguments[index], out int value) ? value : fallback;
        }

        /// <summary>Prints "MODE: ok" or "MODE: FAILED: reason" and returns the exit code (0 or 1).</summary>
        public static int Result(string mode, string failure)
        {
            Line(failure == null ? mode + ": ok" : mode + ": FAILED: " + failure);
            return failure == null ? 0 : 1;
        }
    }
}
