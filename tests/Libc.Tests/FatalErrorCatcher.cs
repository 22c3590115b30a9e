using System;
using Internal.Runtime;

namespace Libc.Tests
{
    /// <summary>Turns Libc's fatal errors into exceptions a test can assert on (on the host the handler may throw).</summary>
    internal static unsafe class FatalErrorCatcher
    {
        public sealed class FatalErrorRaised : Exception
        {
            public FatalErrorRaised(string reason) : base(reason)
            {
            }
        }

        /// <summary>Runs <paramref name="action"/> and returns the reason of the fatal error it must raise.</summary>
        public static string ReasonOf(Action action)
        {
            FatalError.SetHandler(&Throw);
            FatalErrorRaised raised = Xunit.Assert.Throws<FatalErrorRaised>(action);
            return raised.Message;
        }

        private static void Throw(string reason, object exception) => throw new FatalErrorRaised(reason);
    }
}
