using Cosmos.Servers.Shell.LineEditing;
using Xunit;

namespace Servers.Tests
{
    public class CommandCompletionTests
    {
        private static readonly string[] s_names = { "help", "history", "ls", "lsblk", "ps", "reboot" };

        [Fact]
        public void UniqueMatchCompletesWithASpace()
        {
            CompletionResult result = new CommandCompletion(s_names).Complete("reb");
            Assert.Equal("oot ", result.Insertion);
            Assert.Empty(result.Candidates);
        }

        [Fact]
        public void CompleteNameGetsJustTheSpace()
        {
            CompletionResult result = new CommandCompletion(s_names).Complete("ps");
            Assert.Equal(" ", result.Insertion);
            Assert.Empty(result.Candidates);
        }

        [Fact]
        public void SeveralMatchesCompleteTheCommonPrefixAndAreListed()
        {
            CompletionResult result = new CommandCompletion(s_names).Complete("h");
            Assert.Equal("", result.Insertion);
            Assert.Equal(new[] { "help", "history" }, result.Candidates);

            result = new CommandCompletion(s_names).Complete("l");
            Assert.Equal("s", result.Insertion);
            Assert.Equal(new[] { "ls", "lsblk" }, result.Candidates);
        }

        [Fact]
        public void EmptyWordListsEveryName()
        {
            CompletionResult result = new CommandCompletion(s_names).Complete("");
            Assert.Equal("", result.Insertion);
            Assert.Equal(s_names, result.Candidates);
        }

        [Theory]
        [InlineData("x")]
        [InlineData("helpx")]
        [InlineData("ls ")]
        [InlineData("ls -l")]
        public void NoMatchOrPastTheFirstWordGivesNothing(string textBeforeCursor)
        {
            CompletionResult result = new CommandCompletion(s_names).Complete(textBeforeCursor);
            Assert.Equal("", result.Insertion);
            Assert.Empty(result.Candidates);
        }
    }
}
