namespace System.Runtime.CompilerServices
{
    /// <summary>The modifier the C# compiler puts on `volatile` fields; the code generator then keeps their accesses in order.</summary>
    public static class IsVolatile
    {
    }
}
