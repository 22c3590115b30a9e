using System.Collections.Generic;

namespace System
{
    /// <summary>The empty tuple, and the factory for tuples with the element types inferred.</summary>
    public struct ValueTuple : IEquatable<ValueTuple>
    {
        public bool Equals(ValueTuple other) => true;

        public override bool Equals(object obj) => obj is ValueTuple;

        public override int GetHashCode() => 0;

        public override string ToString() => "()";

        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new ValueTuple<T1, T2>(item1, item2);

        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new ValueTuple<T1, T2, T3>(item1, item2, item3);

        public static ValueTuple<T1, T2, T3, T4> Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4) => new ValueTuple<T1, T2, T3, T4>(item1, item2, item3, item4);

        internal static string Describe<T>(T item) => item == null ? "" : item.ToString();
    }

    /// <summary>The (a, b) tuple of C#. Fields are public and mutable, as the language expects.</summary>
    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>
    {
        public T1 Item1;
        public T2 Item2;

        public ValueTuple(T1 item1, T2 item2)
        {
            Item1 = item1;
            Item2 = item2;
        }

        public bool Equals(ValueTuple<T1, T2> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2> other && Equals(other);

        public override int GetHashCode() => EqualityComparer<T1>.Default.GetHashCode(Item1) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2);

        public override string ToString() => "(" + ValueTuple.Describe(Item1) + ", " + ValueTuple.Describe(Item2) + ")";
    }

    /// <summary>The (a, b, c) tuple of C#.</summary>
    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;

        public ValueTuple(T1 item1, T2 item2, T3 item3)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
        }

        public bool Equals(ValueTuple<T1, T2, T3> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1)
            && EqualityComparer<T2>.Default.Equals(Item2, other.Item2)
            && EqualityComparer<T3>.Default.Equals(Item3, other.Item3);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> other && Equals(other);

        public override int GetHashCode()
            => (EqualityComparer<T1>.Default.GetHashCode(Item1) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31
            + EqualityComparer<T3>.Default.GetHashCode(Item3);

        public override string ToString() => "(" + ValueTuple.Describe(Item1) + ", " + ValueTuple.Describe(Item2) + ", " + ValueTuple.Describe(Item3) + ")";
    }

    /// <summary>The (a, b, c, d) tuple of C#.</summary>
    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
        }

        public bool Equals(ValueTuple<T1, T2, T3, T4> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1)
            && EqualityComparer<T2>.Default.Equals(Item2, other.Item2)
            && EqualityComparer<T3>.Default.Equals(Item3, other.Item3)
            && EqualityComparer<T4>.Default.Equals(Item4, other.Item4);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4> other && Equals(other);

        public override int GetHashCode()
            => ((EqualityComparer<T1>.Default.GetHashCode(Item1) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31
            + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4);

        public override string ToString()
            => "(" + ValueTuple.Describe(Item1) + ", " + ValueTuple.Describe(Item2) + ", " + ValueTuple.Describe(Item3) + ", " + ValueTuple.Describe(Item4) + ")";
    }
}
