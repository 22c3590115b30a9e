using System;
using Internal.Runtime.ExceptionHandling;

namespace Internal.Runtime
{
    /// <summary>
    /// What happens to an exception nobody catches, and the text that describes it. The report is
    /// "unhandled exception: TYPE: MESSAGE" followed by one "  at NAME+0xOFFSET" line per recorded frame,
    /// innermost first (docs/ARCHITECTURE.md, "Exceptions"). The environment's fatal-error handler receives the
    /// exception and prints the report (a program then ends with <see cref="UnhandledExceptionExitCode"/>; the kernel panics).
    /// </summary>
    public static unsafe class ExceptionReporting
    {
        /// <summary>The exit code of a program ended by an unhandled exception (EX_SOFTWARE of sysexits.h).</summary>
        public const int UnhandledExceptionExitCode = 70;

        public const string ReportPrefix = "unhandled exception: ";

        private static bool s_reporting;

        /// <summary>Ends execution with the exception's report. <paramref name="walkError"/>: why the stack walk stopped
        /// (NoEntry is its normal end), noted in the report when it is anything else. Never returns.</summary>
        internal static void Unhandled(object exception, UnwindError walkError)
        {
            if (s_reporting)
            {
                // The report itself threw (a Message property that throws, say): no second report.
                FatalError.Fail("unhandled exception while reporting an unhandled exception");
            }
            s_reporting = true;
            string reason = walkError == UnwindError.NoEntry || walkError == UnwindError.None
                ? "unhandled exception"
                : string.Concat("unhandled exception (stack walk stopped: ", UnwindErrorText.Describe(walkError), ")");
            FatalError.Fail(reason, exception);
        }

        /// <summary>The first line of the report: "unhandled exception: TYPE: MESSAGE".</summary>
        public static string Headline(object exception)
        {
            string type = TypeNames.NameOf(exception._methodTable);
            string message = exception is Exception typed ? typed.Message : null;
            return message == null ? string.Concat(ReportPrefix, type) : string.Concat(ReportPrefix, type, ": ", message);
        }

        /// <summary>The report's trace: "  at NAME+0xOFFSET\n" per recorded frame, or an empty string.</summary>
        public static string StackTraceOf(object exception)
        {
            return exception is Exception typed && typed.StackFrameCount > 0 ? typed.StackTrace : string.Empty;
        }

        /// <summary>How many frames the dispatcher recorded for <paramref name="exception"/> (0 for a non-Exception object).</summary>
        public static int RecordedFrameCount(object exception) => exception is Exception typed ? typed.StackFrameCount : 0;

        /// <summary>Recorded frame <paramref name="index"/>'s code address (innermost first): for a kernel panic, which names frames without allocating.</summary>
        public static ulong RecordedFrame(object exception, int index) => ((Exception)exception).StackFrameAt(index);

        internal static string FormatStackTrace(ulong[] frames, int count)
        {
            System.Text.StringBuilder text = new System.Text.StringBuilder();
            for (int i = 0; i < count; i++)
            {
                text.Append("  at ");
                text.Append(CodeNames.Describe(frames[i]));
                text.Append('\n');
            }
            return text.ToString();
        }
    }
}
