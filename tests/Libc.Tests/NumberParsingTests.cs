using System;
using System.Globalization;
using Internal.Formatting;
using Xunit;

namespace Libc.Tests
{
    public class NumberParsingTests
    {
        private static (ParseStatus Status, long Value) Signed(string text, int width, NumberStyles styles = NumberStyles.Integer)
        {
            ParseStatus status = NumberParsing.TryParseSigned(text, styles, width, out long value);
            return (status, value);
        }

        private static (ParseStatus Status, ulong Value) Unsigned(string text, int width, NumberStyles styles = NumberStyles.Integer)
        {
            ParseStatus status = NumberParsing.TryParseUnsigned(text, styles, width, out ulong value);
            return (status, value);
        }

        [Theory]
        [InlineData("0", 0L)]
        [InlineData("123", 123L)]
        [InlineData("  -123  ", -123L)]
        [InlineData("+5", 5L)]
        [InlineData("007", 7L)]
        [InlineData("2147483647", 2147483647L)]
        [InlineData("-2147483648", -2147483648L)]
        public void Int32Success(string text, long expected)
        {
            Assert.Equal((ParseStatus.Success, expected), Signed(text, 4));
        }

        [Theory]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("99999999999999999999999")]
        public void Int32Overflow(string text)
        {
            Assert.Equal(ParseStatus.Overflow, Signed(text, 4).Status);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("-")]
        [InlineData("12a")]
        [InlineData("1 2")]
        [InlineData("--1")]
        [InlineData("+-1")]
        [InlineData("0x10")]
        [InlineData("99999999999999999999x")]
        [InlineData("1,000")]
        [InlineData("1.0")]
        public void Int32Format(string text)
        {
            Assert.Equal(ParseStatus.Format, Signed(text, 4).Status);
        }

        [Fact]
        public void EveryWidthHasItsOwnRange()
        {
            Assert.Equal((ParseStatus.Success, -128L), Signed("-128", 1));
            Assert.Equal(ParseStatus.Overflow, Signed("128", 1).Status);
            Assert.Equal((ParseStatus.Success, 32767L), Signed("32767", 2));
            Assert.Equal(ParseStatus.Overflow, Signed("-32769", 2).Status);
            Assert.Equal((ParseStatus.Success, long.MinValue), Signed("-9223372036854775808", 8));
            Assert.Equal(ParseStatus.Overflow, Signed("9223372036854775808", 8).Status);
            Assert.Equal((ParseStatus.Success, 255UL), Unsigned("255", 1));
            Assert.Equal(ParseStatus.Overflow, Unsigned("256", 1).Status);
            Assert.Equal((ParseStatus.Success, 65535UL), Unsigned("65535", 2));
            Assert.Equal((ParseStatus.Success, 4294967295UL), Unsigned("4294967295", 4));
            Assert.Equal(ParseStatus.Overflow, Unsigned("4294967296", 4).Status);
            Assert.Equal((ParseStatus.Success, ulong.MaxValue), Unsigned("18446744073709551615", 8));
            Assert.Equal(ParseStatus.Overflow, Unsigned("18446744073709551616", 8).Status);
        }

        [Fact]
        public void UnsignedNegatives()
        {
            Assert.Equal((ParseStatus.Success, 0UL), Unsigned("-0", 4));
            Assert.Equal(ParseStatus.Overflow, Unsigned("-1", 4).Status);
        }

        [Fact]
        public void Hexadecimal()
        {
            Assert.Equal((ParseStatus.Success, 255L), Signed("FF", 4, NumberStyles.HexNumber));
            Assert.Equal((ParseStatus.Success, 0xABCDEFL), Signed(" abcdef ", 4, NumberStyles.HexNumber));
            Assert.Equal((ParseStatus.Success, -1L), Signed("FFFFFFFF", 4, NumberStyles.HexNumber));
            Assert.Equal((ParseStatus.Success, -128L), Signed("80", 1, NumberStyles.HexNumber));
            Assert.Equal((ParseStatus.Success, 0x7FL), Signed("0000007F", 1, NumberStyles.HexNumber));
            Assert.Equal(ParseStatus.Overflow, Signed("100000000", 4, NumberStyles.HexNumber).Status);
            Assert.Equal(ParseStatus.Overflow, Signed("1FF", 1, NumberStyles.HexNumber).Status);
            Assert.Equal(ParseStatus.Format, Signed("0x10", 4, NumberStyles.HexNumber).Status);
            Assert.Equal(ParseStatus.Format, Signed("-FF", 4, NumberStyles.HexNumber).Status);
            Assert.Equal(ParseStatus.Format, Signed("G", 4, NumberStyles.HexNumber).Status);
            Assert.Equal(ParseStatus.Format, Signed("", 4, NumberStyles.HexNumber).Status);
            Assert.Equal((ParseStatus.Success, ulong.MaxValue), Unsigned("FFFFFFFFFFFFFFFF", 8, NumberStyles.HexNumber));
            Assert.Equal(ParseStatus.Overflow, Unsigned("10000000000000000", 8, NumberStyles.HexNumber).Status);
            Assert.Equal((ParseStatus.Success, 5UL), Unsigned("101", 4, NumberStyles.BinaryNumber));
        }

        [Fact]
        public void OtherStyles()
        {
            Assert.Equal((ParseStatus.Success, 1000000L), Signed("1,000,000", 4, NumberStyles.Number));
            Assert.Equal((ParseStatus.Success, 12L), Signed("12.000", 4, NumberStyles.Number));
            Assert.Equal(ParseStatus.Overflow, Signed("12.5", 4, NumberStyles.Number).Status);
            Assert.Equal((ParseStatus.Success, -5L), Signed("5-", 4, NumberStyles.Number));
            Assert.Equal(ParseStatus.Format, Signed(" 5", 4, NumberStyles.None).Status);
            Assert.Equal(ParseStatus.Format, Signed("-5", 4, NumberStyles.None).Status);
        }

        [Fact]
        public void AgreesWithTheBclOnRandomInputs()
        {
            var random = new Random(1234);
            for (int i = 0; i < 2000; i++)
            {
                long value = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 63);
                string text = value.ToString(CultureInfo.InvariantCulture);
                Assert.Equal((ParseStatus.Success, value), Signed(text, 8));
                bool fitsInt = value >= int.MinValue && value <= int.MaxValue;
                Assert.Equal(fitsInt ? ParseStatus.Success : ParseStatus.Overflow, Signed(text, 4).Status);
                string hex = value.ToString("X", CultureInfo.InvariantCulture);
                Assert.Equal((ParseStatus.Success, value), Signed(hex, 8, NumberStyles.HexNumber));
            }
        }
    }
}
