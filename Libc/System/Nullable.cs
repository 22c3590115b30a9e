using System.Collections.Generic;

namespace System
{
    /// <summary>A value type that may also be "no value". Boxing gives null or a boxed T (done by the runtime).</summary>
    public struct Nullable<T> where T : struct
    {
        // ilc finds these fields by name for boxing and unboxing.
        private readonly bool hasValue;
        internal T value;

        public Nullable(T value)
        {
            this.value = value;
            hasValue = true;
        }

        public readonly bool HasValue => hasValue;

        /// <summary>The value; InvalidOperationException when there is none.</summary>
        public readonly T Value
        {
            get
            {
                if (!hasValue)
                {
                    ThrowHelpers.ThrowInvalidOperationException("Nullable object must have a value.");
                }
                return value;
            }
        }

        public readonly T GetValueOrDefault() => value;

        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

        public override bool Equals(object other)
        {
            if (!hasValue)
            {
                return other == null;
            }
            return other != null && value.Equals(other);
        }

        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;

        public override string ToString() => hasValue ? value.ToString() : "";

        public static implicit operator T?(T value) => new T?(value);

        public static explicit operator T(T? value) => value.Value;
    }

    /// <summary>Comparisons of nullable values: no value sorts first and equals only no value.</summary>
    public static class Nullable
    {
        public static int Compare<T>(T? left, T? right) where T : struct
        {
            if (left.HasValue)
            {
                return right.HasValue ? Comparer<T>.Default.Compare(left.GetValueOrDefault(), right.GetValueOrDefault()) : 1;
            }
            return right.HasValue ? -1 : 0;
        }

        public static bool Equals<T>(T? left, T? right) where T : struct
        {
            if (left.HasValue)
            {
                return right.HasValue && EqualityComparer<T>.Default.Equals(left.GetValueOrDefault(), right.GetValueOrDefault());
            }
            return !right.HasValue;
        }
    }
}
