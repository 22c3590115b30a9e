using System;
using System.Runtime;
using System.Text;
using Xunit;

namespace Libc.Tests
{
    public class StringBuilderTests
    {
        [Fact]
        public void AppendsPrimitivesAndText()
        {
            var builder = new StringBuilder();
            builder.Append("x=").Append(42).Append(',').Append(-7L).Append(',').Append(3u).Append(',').Append(true)
                .Append(',').Append((byte)255).Append(',').Append((short)-3).Append(',').Append(1.5).Append(',').Append('c')
                .Append(new[] { 'd', 'e' }).Append("xyz", 1, 1).Append((object)null).Append((object)7);
            Assert.Equal("x=42,-7,3,True,255,-3,1.5,cdey7", builder.ToString());
            Assert.Equal(31, builder.Length);
        }

        [Fact]
        public void GrowsAndReleasesOutgrownBuffers()
        {
            var builder = new StringBuilder(4);
            int before = StorageRelease.ReleaseCount;
            for (int i = 0; i < 1000; i++)
            {
                builder.Append('a');
            }
            Assert.Equal(1000, builder.Length);
            Assert.True(builder.Capacity >= 1000);
            // 4 -> 16 (the default capacity is the smallest growth) -> 32 -> ... -> 1024: seven outgrown buffers.
            Assert.Equal(7, StorageRelease.ReleaseCount - before);
            Assert.Equal(new string('a', 1000), builder.ToString());
        }

        [Fact]
        public void InsertRemoveReplace()
        {
            var builder = new StringBuilder("hello world");
            builder.Insert(0, "[").Insert(builder.Length, ']').Insert(6, 123);
            Assert.Equal("[hello123 world]", builder.ToString());
            builder.Remove(6, 3);
            Assert.Equal("[hello world]", builder.ToString());
            builder.Replace("o", "0").Replace('[', '<');
            Assert.Equal("<hell0 w0rld]", builder.ToString());
            builder.Replace("l", "");
            Assert.Equal("<he0 w0rd]", builder.ToString());
            builder.Replace("xyz", "abc");
            Assert.Equal("<he0 w0rd]", builder.ToString());
            Assert.Throws<ArgumentOutOfRangeException>(() => builder.Insert(100, "x"));
            Assert.Throws<ArgumentOutOfRangeException>(() => builder.Remove(5, 100));
            Assert.Throws<ArgumentException>(() => builder.Replace("", "x"));
        }

        [Fact]
        public void LengthIndexerAndClear()
        {
            var builder = new StringBuilder("abc");
            builder[1] = 'B';
            Assert.Equal('B', builder[1]);
            Assert.Throws<IndexOutOfRangeException>(() => builder[3]);
            builder.Length = 5;
            Assert.Equal("aBc\0\0", builder.ToString());
            builder.Length = 1;
            Assert.Equal("a", builder.ToString());
            builder.Clear();
            Assert.Equal("", builder.ToString());
            builder.AppendLine("one").AppendLine().Append('-', 3);
            Assert.Equal("one\n\n---", builder.ToString());
            Assert.Equal("ne", builder.ToString(1, 2));
            Assert.True(new StringBuilder("q").Equals(new StringBuilder("q")));
        }

        [Fact]
        public void CompositeFormatting()
        {
            Assert.Equal("5 FF   5 {x} s", new StringBuilder().AppendFormat("{0} {1:X} {0,3} {{x}} {2}", 5, 255, "s").ToString());
            Assert.Equal("[7   ]", new StringBuilder().AppendFormat("[{0,-4}]", 7).ToString());
            Assert.Equal("[  ab]", new StringBuilder().AppendFormat("[{0,4}]", "ab").ToString());
            Assert.Equal("0010|0.50", new StringBuilder().AppendFormat("{0:D4}|{1:F2}", 10, 0.5).ToString());
            Assert.Equal("a  b", new StringBuilder().AppendFormat("a{0 , 2 }b", "").ToString());
            Assert.Equal("null:", new StringBuilder().AppendFormat("null:{0}", (object)null).ToString());
        }

        [Theory]
        [InlineData("{")]
        [InlineData("}")]
        [InlineData("{0")]
        [InlineData("{x}")]
        [InlineData("{1}")]
        [InlineData("{0,}")]
        [InlineData("{0:{}")]
        public void MalformedCompositeFormats(string format)
        {
            Assert.Throws<FormatException>(() => new StringBuilder().AppendFormat(format, 1));
        }

        private readonly struct Celsius : ISpanFormattable
        {
            private readonly int _degrees;

            public Celsius(int degrees)
            {
                _degrees = degrees;
            }

            public string ToString(string format, IFormatProvider formatProvider) => _degrees.ToString(format, formatProvider) + "C";

            public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider)
            {
                if (!_degrees.TryFormat(destination, out int written, format, provider) || written >= destination.Length)
                {
                    charsWritten = 0;
                    return false;
                }
                destination[written] = 'C';
                charsWritten = written + 1;
                return true;
            }
        }

        [Fact]
        public void FormattedValuesWithAlignmentAndGrowth()
        {
            var builder = new StringBuilder(1);
            builder.AppendFormatted(new Celsius(21), 6, "D3");
            builder.AppendFormatted(new Celsius(-4), -6, default);
            builder.AppendFormatted("s", 3, default);
            builder.AppendFormatted(0xBEEF, 0, "x");
            Assert.Equal("  021C-4C     sbeef", builder.ToString());
        }

        [Fact]
        public void ToStringAndReleaseLeavesAnEmptyBuilder()
        {
            var builder = new StringBuilder("text");
            Assert.Equal("text", builder.ToStringAndRelease());
            Assert.Equal(0, builder.Length);
            builder.Append("again");
            Assert.Equal("again", builder.ToString());
        }
    }
}
