namespace System
{
    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) : base(message) { }
    }
    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }
        public IndexOutOfRangeException(string message) : base(message) { }
    }
    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, string parameterName) : base(message + " (Parameter '" + parameterName + "')") { ParamName = parameterName; }
        public string ParamName { get; protected set; }
    }
    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException(string parameterName) : base("Value cannot be null: " + parameterName) { ParamName = parameterName; }
        public ArgumentNullException(string parameterName, string message) : base(message, parameterName) { }
    }
    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException(string parameterName) : base("Specified argument was out of the range of valid values: " + parameterName) { ParamName = parameterName; }
        public ArgumentOutOfRangeException(string parameterName, string message) : base(message, parameterName) { }
    }
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }
        public InvalidOperationException(string message) : base(message) { }
    }
    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) : base("Cannot access a disposed object: " + objectName) { }
    }
    public class InvalidCastException : SystemException
    {
        public InvalidCastException() : base("Specified cast is not valid.") { }
        public InvalidCastException(string message) : base(message) { }
    }
    public class ArrayTypeMismatchException : SystemException { public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { } }
    public class NullReferenceException : SystemException { public NullReferenceException() : base("Object reference not set to an instance of an object.") { } }
    public class ArithmeticException : SystemException
    {
        public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }
        public ArithmeticException(string message) : base(message) { }
    }
    public class OverflowException : ArithmeticException
    {
        public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }
        public OverflowException(string message) : base(message) { }
    }
    public class DivideByZeroException : ArithmeticException { public DivideByZeroException() : base("Attempted to divide by zero.") { } }
    public class PlatformNotSupportedException : SystemException { public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { } }
    public class NotImplementedException : SystemException
    {
        public NotImplementedException() : base("The method or operation is not implemented.") { }
        public NotImplementedException(string message) : base(message) { }
    }
    public class NotSupportedException : SystemException
    {
        public NotSupportedException() : base("Specified method is not supported.") { }
        public NotSupportedException(string message) : base(message) { }
    }
    public class OutOfMemoryException : SystemException { public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { } }
    public class FormatException : SystemException
    {
        public FormatException() : base("One of the identified items was in an invalid format.") { }
        public FormatException(string message) : base(message) { }
    }
}

namespace System.Collections.Generic
{
    /// <summary>A dictionary lookup (the indexer's getter) found no entry for the key.</summary>
    public class KeyNotFoundException : SystemException
    {
        public KeyNotFoundException() : base("The given key was not present in the dictionary.") { }
        public KeyNotFoundException(string message) : base(message) { }
    }
}
