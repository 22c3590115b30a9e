using Cosmos.Servers.Shell.LineEditing;
using Xunit;

namespace Servers.Tests
{
    public class CommandHistoryTests
    {
        [Fact]
        public void EmptyHistoryRefusesBrowsing()
        {
            var history = new CommandHistory(4);
            Assert.False(history.TryOlder("typing", out _));
            Assert.False(history.TryNewer(out _));
            Assert.False(history.IsBrowsing);
        }

        [Fact]
        public void UpGoesBackAndDownRestoresTheTypedLine()
        {
            var history = new CommandHistory(4);
            history.Add("first");
            history.Add("second");

            Assert.True(history.TryOlder("half typed", out string line));
            Assert.Equal("second", line);
            Assert.True(history.TryOlder("ignored while browsing", out line));
            Assert.Equal("first", line);
            Assert.False(history.TryOlder("x", out _));

            Assert.True(history.TryNewer(out line));
            Assert.Equal("second", line);
            Assert.True(history.TryNewer(out line));
            Assert.Equal("half typed", line);
            Assert.False(history.IsBrowsing);
            Assert.False(history.TryNewer(out _));
        }

        [Fact]
        public void EmptyLinesAndImmediateRepeatsAreNotStored()
        {
            var history = new CommandHistory(4);
            history.Add("ls");
            history.Add("");
            history.Add("ls");
            history.Add("ps");
            history.Add("ls");
            Assert.Equal(3, history.Count);
            Assert.Equal("ls", history.EntryFromNewest(0));
            Assert.Equal("ps", history.EntryFromNewest(1));
            Assert.Equal("ls", history.EntryFromNewest(2));
        }

        [Fact]
        public void OldestEntriesAreDroppedWhenFull()
        {
            var history = new CommandHistory(3);
            for (int index = 0; index < 7; index++)
            {
                history.Add("command" + index);
            }

            Assert.Equal(3, history.Count);
            string line;
            Assert.True(history.TryOlder("", out line));
            Assert.Equal("command6", line);
            Assert.True(history.TryOlder("", out line));
            Assert.Equal("command5", line);
            Assert.True(history.TryOlder("", out line));
            Assert.Equal("command4", line);
            Assert.False(history.TryOlder("", out _));
        }

        [Fact]
        public void AddingEndsBrowsing()
        {
            var history = new CommandHistory(4);
            history.Add("one");
            history.Add("two");
            Assert.True(history.TryOlder("", out _));
            Assert.True(history.TryOlder("", out _));
            history.Add("three");
            Assert.False(history.IsBrowsing);
            Assert.True(history.TryOlder("draft", out string line));
            Assert.Equal("three", line);
        }
    }
}
