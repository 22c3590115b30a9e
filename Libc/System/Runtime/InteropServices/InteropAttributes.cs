namespace System.Runtime.InteropServices
{
    // Types the C# compiler uses as modifiers in signatures: `in`/`ref readonly` (InAttribute) and the
    // `unmanaged` constraint (UnmanagedType), plus Out for completeness of the pair.

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class InAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class OutAttribute : Attribute
    {
    }

    /// <summary>Marshalling kinds; the compiler only needs the type to exist (as the modreq of `unmanaged`).</summary>
    public enum UnmanagedType
    {
        Bool = 0x2,
        I1 = 0x3,
        U1 = 0x4,
        I2 = 0x5,
        U2 = 0x6,
        I4 = 0x7,
        U4 = 0x8,
        I8 = 0x9,
        U8 = 0xa,
        R4 = 0xb,
        R8 = 0xc,
        LPStr = 0x14,
        LPWStr = 0x15,
        FunctionPtr = 0x26,
    }
}
