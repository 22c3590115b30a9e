using System;
using System.Numerics;
using System.Reflection;
using Xunit;

namespace Libc.Tests
{
    public class MathTests
    {
        // The BCL's System.Math is shadowed here by ours; reach the real one through CoreLib for reference values.
        private static readonly Type s_bclMath = typeof(object).Assembly.GetType("System.Math");

        private static double Bcl(string name, params double[] arguments)
        {
            Type[] types = new Type[arguments.Length];
            object[] boxed = new object[arguments.Length];
            for (int i = 0; i < arguments.Length; i++)
            {
                types[i] = typeof(double);
                boxed[i] = arguments[i];
            }
            return (double)s_bclMath.GetMethod(name, BindingFlags.Public | BindingFlags.Static, types).Invoke(null, boxed);
        }

        private static void Close(double expected, double actual, double relative)
        {
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual), "expected NaN, got " + actual.ToString("R"));
                return;
            }
            if (double.IsInfinity(expected) || expected == 0)
            {
                Assert.Equal(expected, actual);
                return;
            }
            Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * relative, "expected " + expected.ToString("R") + " got " + actual.ToString("R"));
        }

        [Fact]
        public void IntegerHelpers()
        {
            Assert.Equal(-4, Math.Min(3, -4));
            Assert.Equal(9UL, Math.Max(3UL, 9UL));
            Assert.Equal(5, Math.Abs(-5));
            Assert.Throws<OverflowException>(() => Math.Abs(int.MinValue));
            Assert.Throws<OverflowException>(() => Math.Abs(long.MinValue));
            Assert.Equal(10, Math.Clamp(15, 0, 10));
            Assert.Throws<ArgumentException>(() => Math.Clamp(1, 5, 0));
            Assert.Equal(-1, Math.Sign(-9L));
            Assert.Equal(3, Math.DivRem(17, 5, out int remainder));
            Assert.Equal(2, remainder);
            Assert.Equal((-3, -2), Math.DivRem(-17, 5));
            Assert.Equal((3UL, 2UL), Math.DivRem(17UL, 5UL));
            ulong high = Math.BigMul(ulong.MaxValue, ulong.MaxValue, out ulong low);
            UInt128 product = (UInt128)ulong.MaxValue * ulong.MaxValue;
            Assert.Equal((ulong)(product >> 64), high);
            Assert.Equal((ulong)product, low);
        }

        [Fact]
        public void FloatingPointMinMaxAndSign()
        {
            Assert.True(double.IsNaN(Math.Max(double.NaN, 1)));
            Assert.True(double.IsNaN(Math.Min(1, double.NaN)));
            Assert.True(double.IsNegative(Math.Min(0.0, -0.0)));
            Assert.False(double.IsNegative(Math.Max(-0.0, 0.0)));
            Assert.Equal(2.5, Math.Abs(-2.5));
            Assert.Throws<ArithmeticException>(() => Math.Sign(double.NaN));
            Assert.Equal(-3.0, Math.CopySign(3.0, -0.0));
        }

        [Fact]
        public void RoundingAgreesWithTheBcl()
        {
            double[] samples = { 0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 0.49999999999999994, 1e300, -1e-300, 4503599627370495.5, double.NaN, double.PositiveInfinity, 2.345, -7.5, 123.456 };
            var random = new Random(4);
            for (int i = 0; i < 2000; i++)
            {
                double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 18));
                Check(value);
            }
            foreach (double value in samples)
            {
                Check(value);
            }

            static void Check(double value)
            {
                Assert.Equal(Bcl("Floor", value), Math.Floor(value));
                Assert.Equal(Bcl("Ceiling", value), Math.Ceiling(value));
                Assert.Equal(Bcl("Truncate", value), Math.Truncate(value));
                Assert.Equal(Bcl("Round", value), Math.Round(value));
                Assert.Equal(double.IsNegative(Bcl("Round", value)), double.IsNegative(Math.Round(value)));
                Assert.Equal(global::System.Math.Round(value, MidpointRounding.AwayFromZero), Math.Round(value, MidpointRounding.AwayFromZero));
                Assert.Equal(global::System.Math.Round(value, 2), Math.Round(value, 2));
            }
        }

        [Fact]
        public void TranscendentalsAreAccurate()
        {
            var random = new Random(6);
            for (int i = 0; i < 3000; i++)
            {
                double x = Math.Exp((random.NextDouble() - 0.5) * 200);
                Close(Bcl("Log", x), Math.Log(x), 4e-16);
                Close(Bcl("Log10", x), Math.Log10(x), 4e-16);
                Close(Bcl("Log2", x), Math.Log2(x), 4e-16);
                double y = (random.NextDouble() - 0.5) * 1400;
                Close(Bcl("Exp", y), Math.Exp(y), 1e-15);
                double @base = random.NextDouble() * 10;
                double power = (random.NextDouble() - 0.5) * 40;
                Close(Bcl("Pow", @base, power), Math.Pow(@base, power), 2e-14);
                double square = random.NextDouble() * 1e10;
                Assert.Equal(Bcl("Sqrt", square), Math.Sqrt(square));
            }
        }

        [Fact]
        public void SqrtIsCorrectlyRoundedEverywhere()
        {
            var random = new Random(12);
            for (int i = 0; i < 20000; i++)
            {
                double value = BitConverter.Int64BitsToDouble(random.NextInt64() & long.MaxValue);
                if (double.IsNaN(value))
                {
                    continue;
                }
                Assert.Equal(Bcl("Sqrt", value), Math.Sqrt(value));
            }
            Assert.Equal(Bcl("Sqrt", double.Epsilon), Math.Sqrt(double.Epsilon));
            Assert.Equal(Bcl("Sqrt", double.MaxValue), Math.Sqrt(double.MaxValue));
            Assert.Equal(double.PositiveInfinity, Math.Sqrt(double.PositiveInfinity));
            Assert.True(double.IsNegative(Math.Sqrt(-0.0)));
        }

        [Fact]
        public void SpecialCases()
        {
            Assert.Equal(1.0, Math.Pow(double.NaN, 0));
            Assert.Equal(1.0, Math.Pow(1, double.NaN));
            Assert.True(double.IsNaN(Math.Pow(-8, 1.0 / 3)));
            Assert.Equal(-8.0, Math.Pow(-2, 3));
            Assert.Equal(0.0625, Math.Pow(-2, -4));
            Assert.Equal(double.PositiveInfinity, Math.Pow(0, -1));
            Assert.Equal(double.NegativeInfinity, Math.Pow(-0.0, -3));
            Assert.Equal(0.0, Math.Pow(0.5, double.PositiveInfinity));
            Assert.Equal(double.PositiveInfinity, Math.Pow(2, 2000));
            Assert.Equal(3.0, Math.Log10(1000));
            Assert.Equal(-2.0, Math.Log10(0.01));
            Assert.Equal(10.0, Math.Log2(1024));
            Assert.Equal(double.NegativeInfinity, Math.Log(0));
            Assert.True(double.IsNaN(Math.Log(-1)));
            Assert.Equal(3.0, Math.Log(8, 2), 15);
            Assert.Equal(0.0, Math.Exp(-1000));
            Assert.Equal(double.PositiveInfinity, Math.Exp(1000));
            Assert.True(double.IsNaN(Math.Sqrt(-1)));
            Assert.Equal(1.4142135623730951, Math.Sqrt(2));
            Close(5e-324, Math.Exp(-744.4), 0.5);
        }

        [Fact]
        public void BitOperationsAgreeWithTheBcl()
        {
            Type bcl = typeof(object).Assembly.GetType("System.Numerics.BitOperations");
            var random = new Random(9);
            for (int i = 0; i < 2000; i++)
            {
                ulong value = (ulong)random.NextInt64() >> random.Next(0, 64);
                uint small = (uint)value;
                Assert.Equal(Invoke<int>(bcl, "Log2", value), BitOperations.Log2(value));
                Assert.Equal(Invoke<int>(bcl, "Log2", small), BitOperations.Log2(small));
                Assert.Equal(Invoke<int>(bcl, "PopCount", value), BitOperations.PopCount(value));
                Assert.Equal(Invoke<int>(bcl, "LeadingZeroCount", value), BitOperations.LeadingZeroCount(value));
                Assert.Equal(Invoke<int>(bcl, "LeadingZeroCount", small), BitOperations.LeadingZeroCount(small));
                Assert.Equal(Invoke<int>(bcl, "TrailingZeroCount", value), BitOperations.TrailingZeroCount(value));
                Assert.Equal(Invoke<int>(bcl, "TrailingZeroCount", small), BitOperations.TrailingZeroCount(small));
                Assert.Equal(Invoke<uint>(bcl, "RoundUpToPowerOf2", small), BitOperations.RoundUpToPowerOf2(small));
                Assert.Equal(Invoke<ulong>(bcl, "RotateLeft", value, 13), BitOperations.RotateLeft(value, 13));
            }
            Assert.Equal(0, BitOperations.Log2(0u));
            Assert.Equal(32, BitOperations.TrailingZeroCount(0u));
            Assert.True(BitOperations.IsPow2(1024));
            Assert.False(BitOperations.IsPow2(0));
        }

        private static T Invoke<T>(Type type, string name, params object[] arguments)
        {
            Type[] types = Array.ConvertAll(arguments, argument => argument.GetType());
            return (T)type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, types).Invoke(null, arguments);
        }
    }
}
