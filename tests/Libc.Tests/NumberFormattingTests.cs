using System;
using Internal.Formatting;
using Xunit;

namespace Libc.Tests
{
    public class NumberFormattingTests
    {
        private static string Signed(long value, int width, string format) => NumberFormatting.FormatInt64(value, width, format);

        private static string Unsigned(ulong value, string format) => NumberFormatting.FormatUInt64(value, format);

        [Theory]
        [InlineData(0L, "0")]
        [InlineData(7L, "7")]
        [InlineData(-7L, "-7")]
        [InlineData(long.MaxValue, "9223372036854775807")]
        [InlineData(long.MinValue, "-9223372036854775808")]
        public void Int64_Default(long value, string expected)
        {
            Assert.Equal(expected, NumberFormatting.FormatInt64(value));
            Assert.Equal(expected, Signed(value, 8, ""));
            Assert.Equal(expected, Signed(value, 8, "G"));
            Assert.Equal(expected, Signed(value, 8, "D"));
        }

        [Fact]
        public void MinAndMaxOfEveryWidth()
        {
            Assert.Equal("-128", Signed(sbyte.MinValue, 1, "D"));
            Assert.Equal("127", Signed(sbyte.MaxValue, 1, "D"));
            Assert.Equal("-32768", Signed(short.MinValue, 2, "D"));
            Assert.Equal("32767", Signed(short.MaxValue, 2, "D"));
            Assert.Equal("-2147483648", Signed(int.MinValue, 4, "D"));
            Assert.Equal("2147483647", Signed(int.MaxValue, 4, "D"));
            Assert.Equal("255", Unsigned(byte.MaxValue, "D"));
            Assert.Equal("65535", Unsigned(ushort.MaxValue, "D"));
            Assert.Equal("4294967295", Unsigned(uint.MaxValue, "D"));
            Assert.Equal("18446744073709551615", Unsigned(ulong.MaxValue, "D"));
            Assert.Equal("18446744073709551615", NumberFormatting.FormatUInt64(ulong.MaxValue));
            Assert.Equal("0", Unsigned(0, "G"));
        }

        [Fact]
        public void HexUsesTheTypeWidthForNegatives()
        {
            Assert.Equal("FF", Signed(-1, 1, "X"));
            Assert.Equal("FFFF", Signed(-1, 2, "X"));
            Assert.Equal("FFFFFFFF", Signed(-1, 4, "X"));
            Assert.Equal("FFFFFFFFFFFFFFFF", Signed(-1, 8, "X"));
            Assert.Equal("80000000", Signed(int.MinValue, 4, "X"));
            Assert.Equal("8000000000000000", Signed(long.MinValue, 8, "X"));
            Assert.Equal("80", Signed(sbyte.MinValue, 1, "X2"));
        }

        [Theory]
        [InlineData(0UL, "X", "0")]
        [InlineData(255UL, "X", "FF")]
        [InlineData(255UL, "x", "ff")]
        [InlineData(255UL, "X4", "00FF")]
        [InlineData(0xDEADBEEFUL, "X8", "DEADBEEF")]
        [InlineData(0xDEADBEEFUL, "x16", "00000000deadbeef")]
        [InlineData(0xABCUL, "X1", "ABC")]
        [InlineData(ulong.MaxValue, "X", "FFFFFFFFFFFFFFFF")]
        [InlineData(5UL, "B", "101")]
        [InlineData(5UL, "B8", "00000101")]
        public void Hex(ulong value, string format, string expected)
        {
            Assert.Equal(expected, Unsigned(value, format));
        }

        [Theory]
        [InlineData(5L, "D3", "005")]
        [InlineData(-5L, "D3", "-005")]
        [InlineData(12345L, "D3", "12345")]
        [InlineData(0L, "D0", "0")]
        [InlineData(1234567L, "N", "1,234,567.00")]
        [InlineData(-1234567L, "N0", "-1,234,567")]
        [InlineData(123L, "N1", "123.0")]
        [InlineData(1000L, "N0", "1,000")]
        [InlineData(42L, "F", "42.00")]
        [InlineData(-42L, "F3", "-42.000")]
        public void DecimalPaddingAndGroups(long value, string format, string expected)
        {
            Assert.Equal(expected, Signed(value, 8, format));
        }

        [Fact]
        public void LargePrecisionUsesAHeapBuffer()
        {
            string text = Unsigned(1, "D300");
            Assert.Equal(300, text.Length);
            Assert.EndsWith("01", text);
        }

        [Theory]
        [InlineData("Q")]
        [InlineData("X-1")]
        [InlineData("0.00")]
        [InlineData("D1000")]
        public void BadFormatsThrow(string format)
        {
            Assert.Throws<FormatException>(() => Signed(1, 4, format));
        }

        [Fact]
        public void TryFormatReportsShortBuffers()
        {
            Span<char> small = stackalloc char[3];
            Assert.False(NumberFormatting.TryFormatInt64(-1234, 4, default, small, out int written));
            Assert.Equal(0, written);
            Span<char> exact = stackalloc char[5];
            Assert.True(NumberFormatting.TryFormatInt64(-1234, 4, default, exact, out written));
            Assert.Equal("-1234", new string(exact.Slice(0, written)));
            Assert.True(NumberFormatting.TryFormatUInt64(0xBEEF, "x", exact, out written));
            Assert.Equal("beef", new string(exact.Slice(0, written)));
        }

        [Fact]
        public void LegacyHelpers()
        {
            Assert.Equal("00FF", NumberFormatting.FormatHex(255, 4));
            Assert.Equal("ff", NumberFormatting.FormatHex(255, 1, false));
            Assert.Equal("-007", NumberFormatting.FormatDecimal(7, true, 3));
        }
    }
}
