using System;
using System.Runtime.CompilerServices;

namespace Cosmos.Programs.ExceptionTest
{
    /// <summary>An exception whose Message itself throws: reporting it must not loop.</summary>
    internal sealed class ThrowingMessageException : Exception
    {
        public override string Message => throw new InvalidOperationException("the message getter throws");
    }

    /// <summary>
    /// "unhandled": an exception nobody catches, three frames deep; the runtime's report ends the program.
    /// "badmessage": an unhandled exception whose report fails (its Message throws); the program must still end.
    /// </summary>
    internal static class Unhandled
    {
        public static int RunWithThrowingMessage()
        {
            Output.Line("ehtest: badmessage: throwing");
            throw new ThrowingMessageException();
        }

        public static int Run()
        {
            Output.Line("ehtest: unhandled: throwing");
            UnhandledOuter();
            Output.Line("ehtest: unhandled FAILED: still running");
            return 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnhandledOuter()
        {
            try
            {
                UnhandledMiddle();
            }
            catch (InvalidCastException)
            {
                Output.Line("ehtest: unhandled FAILED: caught by an unrelated type");
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnhandledMiddle()
        {
            UnhandledInner();
            Output.Line("ehtest: unhandled FAILED: returned");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnhandledInner()
        {
            throw new InvalidOperationException("nobody catches this");
        }
    }
}
