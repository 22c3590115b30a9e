using System;
using System.Collections.Generic;
using Xunit;

namespace Libc.Tests
{
    public class ComparerTests
    {
        private enum Signed : short
        {
            Minus = -5,
            Zero = 0,
            Plus = 5,
        }

        private enum Unsigned : uint
        {
            Small = 1,
            Huge = 0xF0000000,
        }

        private struct Point : IEquatable<Point>
        {
            public int X;

            public bool Equals(Point other) => X == other.X;

            public override bool Equals(object obj) => obj is Point other && Equals(other);

            public override int GetHashCode() => X;
        }

        [Fact]
        public void EnumComparersUseTheUnderlyingTypeAndSign()
        {
            var signed = new EnumComparer<Signed>();
            Assert.True(signed.Compare(Signed.Minus, Signed.Zero) < 0);
            Assert.True(signed.Compare(Signed.Plus, Signed.Minus) > 0);
            var unsigned = new EnumComparer<Unsigned>();
            Assert.True(unsigned.Compare(Unsigned.Huge, Unsigned.Small) > 0);
            var equality = new EnumEqualityComparer<Signed>();
            Assert.True(equality.Equals(Signed.Minus, Signed.Minus));
            Assert.False(equality.Equals(Signed.Minus, Signed.Plus));
            Assert.Equal(equality.GetHashCode(Signed.Plus), equality.GetHashCode(Signed.Plus));
        }

        [Fact]
        public void GenericAndNullableComparers()
        {
            Assert.True(new GenericEqualityComparer<Point>().Equals(new Point { X = 1 }, new Point { X = 1 }));
            Assert.True(new GenericComparer<int>().Compare(1, 2) < 0);
            Assert.True(new GenericComparer<string>().Compare(null, "a") < 0);
            var nullable = new NullableEqualityComparer<int>();
            Assert.True(nullable.Equals(null, null));
            Assert.False(nullable.Equals(1, null));
            Assert.True(nullable.Equals(3, 3));
            var order = new NullableComparer<int>();
            Assert.True(order.Compare(null, 0) < 0);
            Assert.True(order.Compare(2, 1) > 0);
        }

        [Fact]
        public void DefaultsWork()
        {
            Assert.True(EqualityComparer<string>.Default.Equals("a", "a"));
            Assert.False(EqualityComparer<string>.Default.Equals("a", null));
            Assert.True(EqualityComparer<Point>.Default.Equals(new Point { X = 2 }, new Point { X = 2 }));
            Assert.Same(EqualityComparer<int>.Default, EqualityComparer<int>.Default);
            Assert.True(Comparer<int>.Default.Compare(2, 1) > 0);
            Assert.True(Comparer<int>.Create((a, b) => b - a).Compare(2, 1) < 0);
            Assert.Throws<ArgumentException>(() => Comparer<object>.Default.Compare(new object(), new object()));
        }
    }
}
