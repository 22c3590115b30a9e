namespace System
{
    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) : base(message) { }
    }
    public class IndexOutOfRangeException : SystemException { public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { } }
    public class ArgumentException : SystemException { public ArgumentException() { } public ArgumentException(string message) : base(message) { } }
    public class ArgumentNullException : ArgumentException { public ArgumentNullException(string parameterName) : base("Value cannot be null: " + parameterName) { } }
    public class ArgumentOutOfRangeException : ArgumentException { public ArgumentOutOfRangeException(string parameterName) : base("Specified argument was out of the range of valid values: " + parameterName) { } }
    public class InvalidOperationException : SystemException { public InvalidOperationException(string message) : base(message) { } }
    public class InvalidCastException : SystemException { public InvalidCastException() : base("Specified cast is not valid.") { } }
    public class ArrayTypeMismatchException : SystemException { public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { } }
    public class NullReferenceException : SystemException { public NullReferenceException() : base("Object reference not set to an instance of an object.") { } }
    public class OverflowException : SystemException { public OverflowException() : base("Arithmetic operation resulted in an overflow.") { } }
    public class DivideByZeroException : SystemException { public DivideByZeroException() : base("Attempted to divide by zero.") { } }
    public class PlatformNotSupportedException : SystemException { public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { } }
    public class NotImplementedException : SystemException { public NotImplementedException() : base("The method or operation is not implemented.") { } }
    public class NotSupportedException : SystemException { public NotSupportedException(string message) : base(message) { } }
    public class OutOfMemoryException : SystemException { public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { } }
    public class FormatException : SystemException { public FormatException(string message) : base(message) { } }
    public class KeyNotFoundException : SystemException { public KeyNotFoundException(string message) : base(message) { } }
}
