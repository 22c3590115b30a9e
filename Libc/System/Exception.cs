namespace System
{
    public class Exception
    {
        private readonly string _message;

        public Exception() { }

        public Exception(string message)
        {
            _message = message;
        }

        public virtual string Message => _message ?? "Exception of type System.Exception was thrown.";
    }
}
