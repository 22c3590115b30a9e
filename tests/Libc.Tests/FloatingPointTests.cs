using System;
using System.Globalization;
using Internal.Formatting;
using Xunit;

namespace Libc.Tests
{
    public class FloatingPointTests
    {
        private static string Format(double value, string format = "") => FloatingPointFormatting.Format(value, format, false);

        private static string FormatSingle(float value, string format = "") => FloatingPointFormatting.Format(value, format, true);

        private static double Parse(string text)
        {
            Assert.Equal(ParseStatus.Success, FloatingPointParsing.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, out double value));
            return value;
        }

        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(1.0, "1")]
        [InlineData(-1.5, "-1.5")]
        [InlineData(0.1, "0.1")]
        [InlineData(1.0 / 3, "0.333333333333333")]
        [InlineData(2.0 / 3, "0.666666666666667")]
        [InlineData(0.1 + 0.2, "0.3")]
        [InlineData(1e14, "100000000000000")]
        [InlineData(123456789012345.0, "123456789012345")]
        [InlineData(1e15, "1E+15")]
        [InlineData(1.5e300, "1.5E+300")]
        [InlineData(0.0001, "0.0001")]
        [InlineData(0.00001, "1E-05")]
        [InlineData(1.25e-7, "1.25E-07")]
        [InlineData(double.MaxValue, "1.79769313486232E+308")]
        [InlineData(double.Epsilon, "4.94065645841247E-324")]
        [InlineData(double.NaN, "NaN")]
        [InlineData(double.PositiveInfinity, "Infinity")]
        [InlineData(double.NegativeInfinity, "-Infinity")]
        [InlineData(3.14159265358979, "3.14159265358979")]
        [InlineData(100.0, "100")]
        [InlineData(9.9999999999999999, "10")]
        public void DefaultFormat(double value, string expected)
        {
            Assert.Equal(expected, Format(value));
        }

        [Fact]
        public void NegativeZero()
        {
            Assert.Equal("-0", Format(-0.0));
            Assert.Equal("-0.00", Format(-0.0, "F2"));
        }

        [Theory]
        [InlineData(3.14159, "F2", "3.14")]
        [InlineData(2.5, "F0", "2")]
        [InlineData(3.5, "F0", "4")]
        [InlineData(0.5, "F0", "0")]
        [InlineData(0.125, "F2", "0.12")]
        [InlineData(0.375, "F2", "0.38")]
        [InlineData(0.0004, "F2", "0.00")]
        [InlineData(0.005, "F2", "0.01")]
        [InlineData(0.6, "F0", "1")]
        [InlineData(9.996, "F2", "10.00")]
        [InlineData(1e21, "F0", "1000000000000000000000")]
        [InlineData(0.1, "F20", "0.10000000000000000555")]
        [InlineData(42.0, "F", "42.00")]
        [InlineData(-1.005, "F1", "-1.0")]
        [InlineData(1234567.891, "N2", "1,234,567.89")]
        [InlineData(123.0, "N0", "123")]
        [InlineData(1.5, "E", "1.500000E+000")]
        [InlineData(12345.678, "E2", "1.23E+004")]
        [InlineData(12345.678, "e3", "1.235e+004")]
        [InlineData(0.0, "E2", "0.00E+000")]
        [InlineData(1234567.0, "G5", "1.2346E+06")]
        [InlineData(0.1 + 0.2, "R", "0.30000000000000004")]
        [InlineData(0.1, "R", "0.1")]
        [InlineData(1e23, "R", "1E+23")]
        [InlineData(1e15, "R", "1000000000000000")]
        [InlineData(123456789012344.5, "G15", "123456789012344")]
        [InlineData(123456789012345.5, "G15", "123456789012346")]
        [InlineData(1.0 / 3, "G17", "0.33333333333333331")]
        public void FormatStrings(double value, string format, string expected)
        {
            Assert.Equal(expected, Format(value, format));
        }

        [Fact]
        public void Single()
        {
            Assert.Equal("0.1", FormatSingle(0.1f));
            Assert.Equal("0.3333333", FormatSingle(1f / 3));
            Assert.Equal("0.33333334", FormatSingle(1f / 3, "R"));
            Assert.Equal("1.677722E+07", FormatSingle(16777216f));
            Assert.Equal("3.4028235E+38", FormatSingle(float.MaxValue, "R"));
            Assert.Equal("16777216", FormatSingle(16777216f, "R"));
            Assert.Equal("1.5", FormatSingle(1.5f));
        }

        [Fact]
        public void BadFormatThrows()
        {
            Assert.Throws<FormatException>(() => Format(1.0, "X"));
        }

        [Fact]
        public void AgreesWithTheBclOnRandomValues()
        {
            var random = new Random(99);
            for (int i = 0; i < 3000; i++)
            {
                double value = BitConverter.Int64BitsToDouble(random.NextInt64());
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    continue;
                }
                Assert.Equal(value.ToString("E10", CultureInfo.InvariantCulture), Format(value, "E10"));
                Assert.Equal(value.ToString("G15", CultureInfo.InvariantCulture), Format(value, "G15"));
                // The shortest round-trip text always parses back, and by our parser too.
                string roundTrip = Format(value, "R");
                Assert.Equal(value, double.Parse(roundTrip, CultureInfo.InvariantCulture));
                Assert.Equal(value, Parse(roundTrip));
                Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), roundTrip);
            }
        }

        [Fact]
        public void FixedAgreesWithTheBcl()
        {
            var random = new Random(7);
            for (int i = 0; i < 2000; i++)
            {
                double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 20));
                int decimals = random.Next(0, 12);
                string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
                Assert.Equal(value.ToString(format, CultureInfo.InvariantCulture), Format(value, format));
            }
        }

        [Theory]
        [InlineData("0", 0.0)]
        [InlineData("1", 1.0)]
        [InlineData("-2.5", -2.5)]
        [InlineData("  3.25  ", 3.25)]
        [InlineData(".5", 0.5)]
        [InlineData("5.", 5.0)]
        [InlineData("1e3", 1000.0)]
        [InlineData("1.5E-3", 0.0015)]
        [InlineData("1,234.5", 1234.5)]
        [InlineData("1e400", double.PositiveInfinity)]
        [InlineData("-1e400", double.NegativeInfinity)]
        [InlineData("1e-400", 0.0)]
        [InlineData("4.9406564584124654e-324", double.Epsilon)]
        [InlineData("2.4703282292062327e-324", 0.0)]
        [InlineData("2.4703282292062328e-324", double.Epsilon)]
        [InlineData("1.7976931348623157e308", double.MaxValue)]
        [InlineData("1.7976931348623159e308", double.PositiveInfinity)]
        [InlineData("NaN", double.NaN)]
        [InlineData("-infinity", double.NegativeInfinity)]
        [InlineData("Infinity", double.PositiveInfinity)]
        [InlineData("0.1", 0.1)]
        [InlineData("9007199254740993", 9007199254740992.0)]
        [InlineData("9007199254740995", 9007199254740996.0)]
        [InlineData("123456789012345678901234567890", 1.2345678901234568E+29)]
        public void ParseValues(string text, double expected)
        {
            Assert.Equal(expected, Parse(text));
        }

        [Fact]
        public void ParseNegativeZero()
        {
            Assert.True(double.IsNegative(Parse("-0")));
            Assert.True(double.IsNegative(Parse("-0.000")));
        }

        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("abc")]
        [InlineData("1e")]
        [InlineData("e5")]
        [InlineData(".")]
        [InlineData("--1")]
        [InlineData("1.2.3")]
        [InlineData("0x10")]
        [InlineData("1e+")]
        public void ParseFormatErrors(string text)
        {
            Assert.Equal(ParseStatus.Format, FloatingPointParsing.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, out _));
        }

        [Fact]
        public void ParseAgreesWithTheBclOnRandomText()
        {
            var random = new Random(5);
            for (int i = 0; i < 3000; i++)
            {
                int digitCount = random.Next(1, 40);
                char[] digits = new char[digitCount];
                for (int d = 0; d < digitCount; d++)
                {
                    digits[d] = (char)('0' + random.Next(10));
                }
                string text = new string(digits);
                int point = random.Next(0, digitCount + 1);
                text = text.Substring(0, point) + "." + text.Substring(point) + "e" + random.Next(-340, 320).ToString(CultureInfo.InvariantCulture);
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Parse(text));
            }
        }

        [Fact]
        public void LongInputsRoundCorrectly()
        {
            // Halfway between 1 and the next double, then a hair above it far beyond the 320-digit cut.
            string half = "1.00000000000000011102230246251565404236316680908203125";
            Assert.Equal(1.0, Parse(half));
            string aboveHalf = half + new string('0', 400) + "1";
            Assert.Equal(double.Parse(aboveHalf, CultureInfo.InvariantCulture), Parse(aboveHalf));
            Assert.Equal(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1.0) + 1), Parse(aboveHalf));
        }
    }
}
