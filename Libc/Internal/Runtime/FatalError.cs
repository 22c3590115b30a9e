using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The end of the road for an error the runtime cannot recover from (a failed check, an unhandled throw,
    /// heap corruption). The environment installs the handler: the kernel panics, a ring-3 program reports
    /// and exits. Until a handler is installed, the CPU is stopped.
    /// </summary>
    public static unsafe class FatalError
    {
        private static delegate*<string, object, void> s_handler;

        public static void SetHandler(delegate*<string, object, void> handler)
        {
            s_handler = handler;
        }

        /// <summary>Ends execution with a reason. Never returns.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Fail(string reason) => Fail(reason, null);

        /// <summary>Ends execution with a reason and the exception object that caused it, if any. Never returns.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Fail(string reason, object exception)
        {
            delegate*<string, object, void> handler = s_handler;
            if (handler != null)
            {
                s_handler = null; // a failure inside the handler must not recurse forever
                handler(reason, exception);
            }
            while (true)
            {
            }
        }
    }
}
