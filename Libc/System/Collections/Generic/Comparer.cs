using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Ordering for T, as sorting needs it. Default picks a comparer without reflection the same way
    /// EqualityComparer&lt;T&gt;.Default does (ilc's Create intrinsic): GenericComparer for T : IComparable&lt;T&gt;,
    /// EnumComparer, NullableComparer, ObjectComparer. Strings compare ordinally (there are no cultures).
    /// </summary>
    public abstract class Comparer<T> : IComparer<T>, IComparer
    {
        private static Comparer<T> s_default;

        public static Comparer<T> Default => s_default ??= Create();

        [Intrinsic]
        private static Comparer<T> Create() => new ObjectComparer<T>();

        /// <summary>A comparer that calls <paramref name="comparison"/>.</summary>
        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null)
            {
                throw new ArgumentNullException("comparison");
            }
            return new ComparisonComparer<T>(comparison);
        }

        public abstract int Compare(T x, T y);

        int IComparer.Compare(object x, object y)
        {
            if (x == null)
            {
                return y == null ? 0 : -1;
            }
            if (y == null)
            {
                return 1;
            }
            if (x is T first && y is T second)
            {
                return Compare(first, second);
            }
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    /// <summary>For T implementing IComparable&lt;T&gt;: calls it directly. Null sorts first.</summary>
    public sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
            {
                return y != null ? x.CompareTo(y) : 1;
            }
            return y != null ? -1 : 0;
        }
    }

    /// <summary>IComparable&lt;T&gt;, else IComparable, else an ArgumentException. Null sorts first.</summary>
    public sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x == null)
            {
                return y == null ? 0 : -1;
            }
            if (y == null)
            {
                return 1;
            }
            if (x is IComparable<T> generic)
            {
                return generic.CompareTo(y);
            }
            if (x is IComparable nonGeneric)
            {
                return nonGeneric.CompareTo(y);
            }
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    /// <summary>T? values: null sorts before any value.</summary>
    public sealed class NullableComparer<T> : Comparer<T?> where T : struct
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue)
            {
                return y.HasValue ? Comparer<T>.Default.Compare(x.GetValueOrDefault(), y.GetValueOrDefault()) : 1;
            }
            return y.HasValue ? -1 : 0;
        }
    }

    /// <summary>Enums order by their underlying integers, signed or unsigned as the enum's type is.</summary>
    public sealed class EnumComparer<T> : Comparer<T> where T : struct, Enum
    {
        private readonly bool _signed;

        public EnumComparer()
        {
            // Whether all-ones reads as -1 (signed underlying type) is decided once, by the enum's own CompareTo.
            ulong allOnes = ulong.MaxValue;
            T minusOne = Unsafe.As<ulong, T>(ref allOnes);
            _signed = ((IComparable)minusOne).CompareTo(default(T)) < 0;
        }

        public override int Compare(T x, T y)
        {
            if (_signed)
            {
                long left = EnumBits.ReadSigned(ref x);
                long right = EnumBits.ReadSigned(ref y);
                return left < right ? -1 : left > right ? 1 : 0;
            }
            ulong leftBits = EnumBits.Read(ref x);
            ulong rightBits = EnumBits.Read(ref y);
            return leftBits < rightBits ? -1 : leftBits > rightBits ? 1 : 0;
        }
    }

    /// <summary>Wraps a Comparison&lt;T&gt; delegate.</summary>
    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;

        public ComparisonComparer(Comparison<T> comparison)
        {
            _comparison = comparison;
        }

        public override int Compare(T x, T y) => _comparison(x, y);
    }
}
