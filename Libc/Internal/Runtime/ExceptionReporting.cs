using System;

namespace Internal.Runtime
{
    /// <summary>What happens to an exception nobody catches: the environment's fatal-error handler gets a
    /// reason naming the exception's message; it adds the type name from its symbol table.</summary>
    internal static class ExceptionReporting
    {
        internal static void Unhandled(object exception)
        {
            string message = exception is Exception typed ? typed.Message : null;
            FatalError.Fail(message == null ? "unhandled exception" : string.Concat("unhandled exception: ", message), exception);
        }
    }
}
