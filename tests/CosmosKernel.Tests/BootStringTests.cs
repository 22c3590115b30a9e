using System.Text;
using CosmosKernel.Boot;
using Xunit;

namespace CosmosKernel.Tests
{
    public sealed unsafe class BootStringTests
    {
        private static bool HasWord(string text, string word)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            fixed (byte* pointer = bytes)
            {
                return new BootString(pointer, bytes.Length).HasWord(word);
            }
        }

        [Theory]
        [InlineData("selftest", "selftest", true)]
        [InlineData("a selftest b", "selftest", true)]
        [InlineData("  selftest  ", "selftest", true)]
        [InlineData("a\tselftest", "selftest", true)]
        [InlineData("selftests", "selftest", false)]
        [InlineData("noselftest", "selftest", false)]
        [InlineData("fault=null shutdown", "fault=null", true)]
        [InlineData("fault=nullx", "fault=null", false)]
        [InlineData("fault=divide", "fault=null", false)]
        [InlineData("", "selftest", false)]
        [InlineData("selftest", "", false)]
        public void HasWordMatchesWholeSpaceSeparatedWords(string text, string word, bool expected)
        {
            Assert.Equal(expected, HasWord(text, word));
        }

        [Fact]
        public void EqualsTextComparesTheWholeString()
        {
            byte[] bytes = Encoding.ASCII.GetBytes("symbols");
            fixed (byte* pointer = bytes)
            {
                var text = new BootString(pointer, bytes.Length);
                Assert.True(text.EqualsText("symbols"));
                Assert.False(text.EqualsText("symbol"));
                Assert.False(text.EqualsText("symbolsx"));
            }
        }

        [Fact]
        public void NullStringIsEmpty()
        {
            var text = new BootString(null, 5);

            Assert.True(text.IsEmpty);
            Assert.False(text.HasWord("x"));
        }
    }
}
