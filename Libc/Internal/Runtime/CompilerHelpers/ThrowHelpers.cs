using System;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>The throw helpers ilc's generated code calls for its implicit checks (bounds, null, overflow,
    /// division). Each throws the matching exception; none is ever empty.</summary>
    internal static class ThrowHelpers
    {
        internal static void ThrowOverflowException() => throw new OverflowException();

        internal static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();

        internal static void ThrowNullReferenceException() => throw new NullReferenceException();

        internal static void ThrowDivideByZeroException() => throw new DivideByZeroException();

        internal static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();

        internal static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();

        internal static void ThrowNotImplementedException() => throw new NotImplementedException();

        internal static void ThrowArgumentException() => throw new ArgumentException("Value does not fall within the expected range.");

        internal static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException("index");

        internal static void ThrowInvalidCastException() => throw new InvalidCastException();

        internal static void ThrowTypeLoadException() => throw new NotSupportedException("type load failure: a type the program needs was not compiled in");

        internal static void ThrowMissingMethodException() => throw new NotSupportedException("missing method: a method the program needs was not compiled in");

        internal static void ThrowMissingFieldException() => throw new NotSupportedException("missing field: a field the program needs was not compiled in");

        internal static void ThrowBadImageFormatException() => throw new NotSupportedException("bad image format");

        internal static void ThrowFileNotFoundException() => throw new NotSupportedException("file not found");

        internal static void ThrowInvalidProgramException() => throw new NotSupportedException("invalid program");

        internal static void ThrowMarshalDirectiveException() => throw new NotSupportedException("marshalling is not supported");

        internal static void ThrowAmbiguousMatchException() => throw new NotSupportedException("ambiguous match");

        internal static void ThrowNotSupportedException() => throw new NotSupportedException("operation not supported");

        internal static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("this code was removed by the compiler as unreachable (feature switch)");
    }
}
