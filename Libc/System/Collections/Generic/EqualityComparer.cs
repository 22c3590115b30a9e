using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Equality for T, as hash tables need it. Default picks, without reflection, a comparer that does not box:
    /// ilc replaces <see cref="Create"/> (an intrinsic, found by name) for each exact T with `new` of the right
    /// comparer type below (GenericEqualityComparer for T : IEquatable&lt;T&gt;, EnumEqualityComparer,
    /// NullableEqualityComparer, ObjectEqualityComparer). Shared code for reference types, and the host
    /// tests, run the fallback body instead.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>, IEqualityComparer
    {
        private static EqualityComparer<T> s_default;

        // Created on first use rather than in a static constructor: nothing runs until a comparer is needed.
        public static EqualityComparer<T> Default => s_default ??= Create();

        // The fallback needs no type test: ObjectEqualityComparer already prefers IEquatable<T> (string has it).
        [Intrinsic]
        private static EqualityComparer<T> Create() => new ObjectEqualityComparer<T>();

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y)
            {
                return true;
            }
            if (x == null || y == null)
            {
                return false;
            }
            if (x is T first && y is T second)
            {
                return Equals(first, second);
            }
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null)
            {
                return 0;
            }
            if (obj is T value)
            {
                return GetHashCode(value);
            }
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    /// <summary>For T implementing IEquatable&lt;T&gt;: calls it directly (no boxing for value types).</summary>
    public sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
            {
                return y != null && x.Equals(y);
            }
            return y == null;
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    /// <summary>
    /// Object.Equals for everything else. IEquatable&lt;T&gt; is still preferred when the object has it, which
    /// matters for reference types in shared code (where ilc cannot pick the comparer ahead of time).
    /// Value types without IEquatable&lt;T&gt; are boxed for each comparison.
    /// </summary>
    public sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x == null)
            {
                return y == null;
            }
            if (y == null)
            {
                return false;
            }
            if (x is IEquatable<T> equatable)
            {
                return equatable.Equals(y);
            }
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }

    /// <summary>Ordinal string equality (ilc asks for this type by name; shared code uses ObjectEqualityComparer).</summary>
    public sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) => string.Equals(x, y);

        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
    }

    /// <summary>T? values: equal when both are null or both hold equal values.</summary>
    public sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue)
            {
                return y.HasValue && EqualityComparer<T>.Default.Equals(x.GetValueOrDefault(), y.GetValueOrDefault());
            }
            return !y.HasValue;
        }

        public override int GetHashCode(T? obj) => obj.HasValue ? EqualityComparer<T>.Default.GetHashCode(obj.GetValueOrDefault()) : 0;
    }

    /// <summary>Enums compare their underlying integers bit for bit (no boxing, no reflection).</summary>
    public sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
    {
        public override bool Equals(T x, T y) => EnumBits.Read(ref x) == EnumBits.Read(ref y);

        public override int GetHashCode(T obj)
        {
            ulong bits = EnumBits.Read(ref obj);
            return (int)bits ^ (int)(bits >> 32);
        }
    }

    /// <summary>Reads an enum's underlying integer; the size is a JIT-time constant per enum type.</summary>
    internal static class EnumBits
    {
        public static ulong Read<T>(ref T value) where T : struct
        {
            switch (Unsafe.SizeOf<T>())
            {
                case 1:
                    return Unsafe.As<T, byte>(ref value);
                case 2:
                    return Unsafe.As<T, ushort>(ref value);
                case 4:
                    return Unsafe.As<T, uint>(ref value);
                default:
                    return Unsafe.As<T, ulong>(ref value);
            }
        }

        /// <summary>The underlying value sign-extended (for signed enums) so that ordering comparisons work.</summary>
        public static long ReadSigned<T>(ref T value) where T : struct
        {
            switch (Unsafe.SizeOf<T>())
            {
                case 1:
                    return Unsafe.As<T, sbyte>(ref value);
                case 2:
                    return Unsafe.As<T, short>(ref value);
                case 4:
                    return Unsafe.As<T, int>(ref value);
                default:
                    return Unsafe.As<T, long>(ref value);
            }
        }
    }
}
