namespace System.Runtime.CompilerServices
{
    /// <summary>Precedes the non-GC statics of a type with a static constructor. Zero once the constructor has run.</summary>
    public struct StaticClassConstructionContext
    {
        public nint cctorMethodAddress;
    }

    /// <summary>
    /// Runs static constructors lazily: because this type exists, ilc makes the first access to a type's
    /// statics call in here. The context is cleared before the constructor runs, so a constructor that
    /// (directly or indirectly) touches its own type's statics sees them as they are (ECMA's rule for
    /// recursion) instead of recursing forever.
    /// </summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint constructor = context->cctorMethodAddress;
            if (constructor == 0)
            {
                return;
            }
            context->cctorMethodAddress = 0;
            ((delegate*<void>)constructor)();
        }
    }
}
