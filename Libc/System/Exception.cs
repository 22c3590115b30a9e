using Internal.Runtime;

namespace System
{
    public class Exception
    {
        /// <summary>Frames recorded per throw (the innermost ones); deeper frames are counted but not kept.</summary>
        internal const int StackTraceCapacity = 32;

        private readonly string _message;
        private readonly Exception _innerException;
        // Code addresses of the frames the exception passed, innermost first (a call's last byte, or a faulting
        // instruction), recorded by the dispatcher's first pass; `throw;` keeps the original trace.
        private ulong[] _stackFrames;
        private int _stackFrameCount;

        public Exception() { }

        public Exception(string message)
        {
            _message = message;
        }

        public Exception(string message, Exception innerException)
        {
            _message = message;
            _innerException = innerException;
        }

        public virtual string Message => _message ?? "Exception of type System.Exception was thrown.";

        public Exception InnerException => _innerException;

        /// <summary>One "   at Namespace.Type.Method+0xOFFSET" line per recorded frame (names from the image's symbols), or null before any throw.</summary>
        public virtual string StackTrace => _stackFrameCount == 0 ? null : ExceptionReporting.FormatStackTrace(_stackFrames, _stackFrameCount);

        internal int StackFrameCount => _stackFrameCount;

        internal ulong StackFrameAt(int index) => _stackFrames[index];

        internal void ClearStackTrace()
        {
            _stackFrameCount = 0;
        }

        internal void AppendStackFrame(ulong address)
        {
            if (_stackFrames == null)
            {
                _stackFrames = new ulong[StackTraceCapacity];
            }
            if (_stackFrameCount < StackTraceCapacity)
            {
                _stackFrames[_stackFrameCount++] = address;
            }
        }
    }
}
