using Cosmos.Api;

namespace Cosmos.Programs.IpcTest
{
    /// <summary>
    /// The checks of one mode: each prints "ipctest check MODE NAME: ok" or "ipctest check MODE NAME: FAILED: why", and
    /// the mode ends with "ipctest MODE: ok" or "ipctest MODE: FAILED: K of N checks failed" (tests/Cosmos.Integration.Tests/IpcContract.cs).
    /// </summary>
    internal sealed class Checks
    {
        private readonly string _mode;
        private int _count;
        private int _failed;

        public Checks(string mode)
        {
            _mode = mode;
        }

        public bool AllPassed => _failed == 0;

        /// <summary>Passes when <paramref name="condition"/> holds; <paramref name="detail"/> says what was seen otherwise.</summary>
        public bool True(string name, bool condition, string detail)
        {
            _count++;
            if (condition)
            {
                Output.Line("check " + _mode + " " + name + ": ok");
                return true;
            }
            _failed++;
            Output.Line("check " + _mode + " " + name + ": FAILED: " + detail);
            return false;
        }

        /// <summary>Passes when a call returned exactly the error <paramref name="expected"/>.</summary>
        public bool Error(string name, long actual, SystemCallError expected) =>
            True(name, actual == (long)expected, "expected " + Output.Error((long)expected) + ", got " + Output.Error(actual));

        /// <summary>Passes when a call succeeded (returned 0 or more).</summary>
        public bool Succeeded(string name, long actual) => True(name, actual >= 0, "failed with " + Output.Error(actual));

        /// <summary>Prints the mode's verdict and returns the exit code (0 or 1).</summary>
        public int Verdict()
        {
            if (_failed == 0)
            {
                Output.Line(_mode + ": ok");
                return 0;
            }
            Output.Line(_mode + ": FAILED: " + _failed.ToString() + " of " + _count.ToString() + " checks failed");
            return 1;
        }
    }
}
